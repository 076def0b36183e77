package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.MathMode;
import io.gradgen.Precision;
import io.gradgen.Network;
import io.gradgen.UnitLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Network} type into a {@link Declaration}. It only reads; the {@link Validator}
 * judges.
 */
public final class DeclarationReader {
  private final Elements elements;
  private final Types types;

  public DeclarationReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The declaration of {@code type}, or empty when its annotation is itself broken (a missing or
   * mistyped attribute), which javac already reports.
   *
   * @param functions the type's {@code @Differentiable} methods, already read
   */
  public Optional<Declaration> read(TypeElement type, Map<String, FunctionSpec> functions) {
    Optional<AnnotationMirror> network = annotation(type, Network.class.getCanonicalName());
    if (network.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> values = values(network.get());
    if (!(values.get("inputs") instanceof Integer inputs)
        || !(values.get("layers") instanceof List<?> layerValues)
        || !(values.get("loss") instanceof VariableElement lossConstant)) {
      return Optional.empty();
    }
    List<AnnotationMirror> layerMirrors = new ArrayList<>();
    List<LayerSpec> layers = new ArrayList<>();
    for (Object v : layerValues) {
      if (!(v instanceof AnnotationValue av) || !(av.getValue() instanceof AnnotationMirror mirror)) {
        return Optional.empty();
      }
      Optional<LayerSpec> layer = layer(mirror);
      if (layer.isEmpty()) {
        return Optional.empty();
      }
      layerMirrors.add(mirror);
      layers.add(layer.get());
    }
    Loss loss = Loss.valueOf(lossConstant.getSimpleName().toString());
    String lossFunction = values.get("lossFunction") instanceof String s ? s : "";
    CodeShape code =
        values.get("code") instanceof VariableElement shape
            ? CodeShape.valueOf(shape.getSimpleName().toString())
            : CodeShape.AUTO;
    Precision precision =
        values.get("precision") instanceof VariableElement floatingPoint
            ? Precision.valueOf(floatingPoint.getSimpleName().toString())
            : Precision.DOUBLE;
    MathMode math =
        values.get("math") instanceof VariableElement mode
            ? MathMode.valueOf(mode.getSimpleName().toString())
            : MathMode.EXACT;
    Map<String, FunctionSpec> roles = new java.util.LinkedHashMap<>(functions);
    for (LayerSpec layer : layers) {
      overloadFor(roles, layer.function(), 1);
    }
    overloadFor(roles, lossFunction, 2);
    NetworkSpec spec =
        new NetworkSpec(
            packageName(type), typeNames(type), shape(type), inputs, layers, loss, lossFunction, roles, code, precision, math);
    return Optional.of(new Declaration(spec, type, network.get(), layerMirrors));
  }

  /**
   * Where {@code name} is overloaded (so {@link FunctionSpec#index} has no entry for it), the
   * network means the overload taking {@code scalars} numbers: an activation one, a loss two.
   */
  private static void overloadFor(Map<String, FunctionSpec> functions, String name, int scalars) {
    if (name.isEmpty() || functions.containsKey(name)) {
      return;
    }
    functions.values().stream()
        .filter(f -> f.name().equals(name) && f.takesScalars(scalars))
        .findFirst()
        .ifPresent(f -> functions.put(name, f));
  }

  private Optional<LayerSpec> layer(AnnotationMirror mirror) {
    Map<String, Object> values = values(mirror);
    if (!(values.get("name") instanceof String name)
        || !(values.get("units") instanceof Integer units)
        || !(values.get("activation") instanceof VariableElement activation)
        || !(values.get("bias") instanceof VariableElement bias)) {
      return Optional.empty();
    }
    return Optional.of(
        new LayerSpec(
            name,
            units,
            Activation.valueOf(activation.getSimpleName().toString()),
            Bias.valueOf(bias.getSimpleName().toString()),
            values.get("function") instanceof String function ? function : "",
            values.get("slope") instanceof Double slope ? slope : LayerSpec.DEFAULT_SLOPE,
            values.get("unitLoop") instanceof VariableElement loop
                ? UnitLoop.valueOf(loop.getSimpleName().toString())
                : UnitLoop.AUTO));
  }

  /** Attribute name to value, defaults included. */
  private Map<String, Object> values(AnnotationMirror mirror) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
    }
    return values;
  }

  private static Optional<AnnotationMirror> annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private String packageName(TypeElement type) {
    return packageName(elements, type);
  }

  /** The package of {@code type}, "" for the unnamed package. */
  public static String packageName(Elements elements, TypeElement type) {
    PackageElement pkg = elements.getPackageOf(type);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  /** The simple names of {@code type} and its enclosing types, outermost first. */
  public static List<String> typeNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element e = type;
    while (e instanceof TypeElement t) {
      names.add(0, t.getSimpleName().toString());
      e = t.getEnclosingElement();
    }
    return names;
  }

  private TypeShape shape(TypeElement type) {
    DeclarationKind kind;
    if (type.getKind() == ElementKind.INTERFACE) {
      kind = DeclarationKind.INTERFACE;
    } else if (type.getKind() == ElementKind.CLASS) {
      kind =
          type.getModifiers().contains(Modifier.ABSTRACT)
              ? DeclarationKind.ABSTRACT_CLASS
              : DeclarationKind.CLASS;
    } else {
      kind = DeclarationKind.OTHER;
    }
    boolean inner =
        type.getNestingKind() == NestingKind.MEMBER
            && type.getKind() == ElementKind.CLASS
            && !type.getModifiers().contains(Modifier.STATIC);
    boolean constructor = false;
    List<String> constructorThrows = new ArrayList<>();
    TypeMirror runtime = elements.getTypeElement(RuntimeException.class.getCanonicalName()).asType();
    TypeMirror error = elements.getTypeElement(Error.class.getCanonicalName()).asType();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        constructor = true;
        for (TypeMirror thrown : c.getThrownTypes()) {
          if (!types.isSubtype(thrown, runtime) && !types.isSubtype(thrown, error)) {
            constructorThrows.add(thrown.toString());
          }
        }
      }
    }
    Optional<List<String>> permits = Optional.empty();
    if (type.getModifiers().contains(Modifier.SEALED)) {
      List<String> names = new ArrayList<>();
      for (TypeMirror permitted : type.getPermittedSubclasses()) {
        String name = permitted.toString();
        names.add(name.substring(name.lastIndexOf('.') + 1));
      }
      permits = Optional.of(names);
    }
    List<String> abstractMethods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getModifiers().contains(Modifier.ABSTRACT) && !implementedByModel(m)) {
        abstractMethods.add(m.getSimpleName().toString());
      }
    }
    return new TypeShape(
        kind,
        type.getModifiers().contains(Modifier.PRIVATE) || enclosedByPrivate(type),
        inner,
        !type.getTypeParameters().isEmpty(),
        constructor,
        abstractMethods,
        constructorThrows,
        permits);
  }

  /**
   * True when the generated class implements {@code m}: it has the signature and return type of a
   * method of {@link DifferentiableModel} (or {@code Model}).
   */
  private boolean implementedByModel(ExecutableElement m) {
    TypeElement model = elements.getTypeElement(DifferentiableModel.class.getCanonicalName());
    if (model == null) {
      return false;
    }
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(model))) {
      if (candidate.getSimpleName().equals(m.getSimpleName())
          && candidate.getParameters().size() == m.getParameters().size()
          && types.isSameType(types.erasure(candidate.getReturnType()), types.erasure(m.getReturnType()))
          && sameParameters(candidate, m)) {
        return true;
      }
    }
    return false;
  }

  private boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!types.isSameType(
          types.erasure(a.getParameters().get(i).asType()), types.erasure(b.getParameters().get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean enclosedByPrivate(TypeElement type) {
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
