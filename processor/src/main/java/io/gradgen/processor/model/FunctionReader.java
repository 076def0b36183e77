package io.gradgen.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gradgen.Differentiable;
import io.gradgen.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Differentiable} method through javac's tree API: its signature, its
 * {@code @Parameter} fields and {@code wrt} here, its body through a {@link BodyReader}.
 */
public final class FunctionReader {
  private final Trees trees;
  private final Elements elements;
  private CompilationUnitTree unit;

  /**
   * @param trees javac's trees, for the bodies
   * @param elements the compiler's symbols, through which every name a body uses is resolved
   */
  public FunctionReader(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /** The method's spec. @throws FunctionError on the first construct outside the subset */
  public FunctionSpec read(TypeElement type, ExecutableElement method) {
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
      throw new FunctionError(null, "gradgen cannot read the source of " + method.getSimpleName()
          + "; @Differentiable methods must be compiled from source, by javac");
    }
    unit = path.getCompilationUnit();
    Object at = at(tree);
    if (tree.getBody() == null) {
      throw new FunctionError(at, "a @Differentiable method needs a body");
    }
    if (!method.getTypeParameters().isEmpty()) {
      throw new FunctionError(at, "a @Differentiable method cannot be generic");
    }
    TypeKind returns = method.getReturnType().getKind();
    if (returns != TypeKind.DOUBLE && returns != TypeKind.FLOAT) {
      throw new FunctionError(at(tree.getReturnType()), "a @Differentiable method returns double or float");
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      throw new FunctionError(at, "a @Differentiable method must not be private: the generated "
          + "gradients class calls nothing but reads its source; make it package-private or public");
    }
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    List<FunctionSpec.Param> params = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement p = method.getParameters().get(i);
      params.add(new FunctionSpec.Param(p.getSimpleName().toString(), kind(p.asType(), at(tree.getParameters().get(i)))));
    }
    List<String> fields = new ArrayList<>();
    if (!isStatic) {
      List<String> argumentNames = params.stream().map(FunctionSpec.Param::name).toList();
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (annotation(field, Parameter.class.getCanonicalName()) != null) {
          if (field.getModifiers().contains(Modifier.PRIVATE) || field.getModifiers().contains(Modifier.STATIC)
              || field.asType().getKind() != TypeKind.DOUBLE) {
            throw new FunctionError(at(trees.getTree(field)),
                "a @Parameter field must be a non-private, non-static double");
          }
          String fieldName = field.getSimpleName().toString();
          if (argumentNames.contains(fieldName)) {
            throw new FunctionError(at(tree.getParameters().get(argumentNames.indexOf(fieldName))),
                "the argument '" + fieldName + "' hides the @Parameter field of the same name; rename one of them");
          }
          fields.add(fieldName);
        }
      }
    }
    Set<String> arrayParameters = new java.util.HashSet<>();
    for (FunctionSpec.Param p : params) {
      if (p.kind().isArray()) {
        arrayParameters.add(p.name());
      }
    }
    BodyReader reader = new BodyReader(unit, new NameScope(elements, type, unit), arrayParameters);
    List<String> wrt = wrt(method, params, fields, at);
    List<Ast> body = new ArrayList<>();
    for (StatementTree statement : tree.getBody().getStatements()) {
      body.add(reader.statement(statement));
    }
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Ast.Return)) {
      throw new FunctionError(at, "a @Differentiable method ends with its only return statement");
    }
    return new FunctionSpec(method.getSimpleName().toString(), CallResolver.key(method), isStatic, params, fields, wrt, body, at);
  }

  private List<String> wrt(ExecutableElement method, List<FunctionSpec.Param> params, List<String> fields, Object at) {
    AnnotationMirror mirror = annotation(method, Differentiable.class.getCanonicalName());
    List<String> named = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
        for (Object v : values) {
          named.add(String.valueOf(((AnnotationValue) v).getValue()));
        }
      }
    }
    List<String> wrt = new ArrayList<>(fields);
    if (named.isEmpty()) {
      for (FunctionSpec.Param p : params) {
        if (p.kind().isScalar()) {
          wrt.add(p.name());
        }
      }
    }
    for (String name : named) {
      FunctionSpec.Param param = params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
      if (param == null) {
        throw new FunctionError(at, "wrt names '" + name + "', which is not a double, float, double[] or float[] argument of "
            + method.getSimpleName() + "; name one of " + params.stream().map(FunctionSpec.Param::name).toList());
      }
      if (!wrt.contains(name)) {
        wrt.add(name);
      }
    }
    if (wrt.isEmpty()) {
      throw new FunctionError(at, "nothing to differentiate: " + method.getSimpleName()
          + " has no double argument and no @Parameter field; add one or list arguments in wrt");
    }
    return wrt;
  }

  private FunctionSpec.Kind kind(TypeMirror type, Object at) {
    return switch (type.getKind()) {
      case DOUBLE -> FunctionSpec.Kind.DOUBLE;
      case FLOAT -> FunctionSpec.Kind.FLOAT;
      case INT -> throw new FunctionError(at, "int arguments are not in gradgen's differentiable subset: loop"
          + " bounds and subscripts must be constants known at compile time; pass the value as a double, or"
          + " write the bound as a literal");
      case ARRAY -> {
        TypeKind component = ((javax.lang.model.type.ArrayType) type).getComponentType().getKind();
        if (component == TypeKind.DOUBLE) {
          yield FunctionSpec.Kind.DOUBLE_ARRAY;
        }
        if (component == TypeKind.FLOAT) {
          yield FunctionSpec.Kind.FLOAT_ARRAY;
        }
        throw new FunctionError(at, "a @Differentiable method takes double, float, int, double[] or float[] arguments");
      }
      default -> throw new FunctionError(at, "a @Differentiable method takes double, float, int, double[] or float[] arguments");
    };
  }

  static AnnotationMirror annotation(javax.lang.model.element.Element e, String name) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        return m;
      }
    }
    return null;
  }

  private Object at(Tree tree) {
    return new SourcePosition(tree, unit);
  }
}
