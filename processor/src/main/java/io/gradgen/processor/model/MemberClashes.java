package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The members of a declaration that the generated class, which extends or implements it, cannot
 * coexist with: a method it declares with the same parameters that is {@code final}, {@code
 * static} where the generated one is not (or the reverse), more accessible than the generated one,
 * or of another return type; and fields named like the packages the generated code names types
 * by ({@code java}, {@code io}), which would obscure them.
 *
 * <p>It compares with the members the emitter actually generated, so it holds for both code
 * shapes and follows the emitter as it changes. A non-final instance method the generated class
 * overrides with the same return type (the declaration's own {@code predict}, say) is no clash.
 */
public final class MemberClashes {
  /**
   * A method the generated class declares.
   *
   * @param name its name
   * @param parameterTypes the erasure of each parameter type, as javac prints it ({@code double[]},
   *     {@code java.lang.String})
   * @param returnType the erasure of its return type, printed the same way
   * @param isStatic declared {@code static}
   * @param access 0 private, 1 package-private, 2 protected, 3 public
   */
  public record GeneratedMethod(String name, List<String> parameterTypes, String returnType, boolean isStatic, int access) {
    public GeneratedMethod {
      parameterTypes = List.copyOf(parameterTypes);
    }
  }

  /**
   * A member of the declaration the generated code cannot live with.
   *
   * @param element the declaration's member, where the error goes
   * @param message what clashes and what to write instead
   */
  public record Clash(Element element, String message) {}

  /** Top-level packages of the types the generated code names ({@code java.lang.Math}, {@code io.gradgen.Parameters}). */
  private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "io");

  private MemberClashes() {}

  /** Every clash between the members {@code declaration} has (inherited ones included) and {@code generated}. */
  public static List<Clash> find(Elements elements, Types types, TypeElement declaration, String modelName,
      List<GeneratedMethod> generated) {
    List<Clash> clashes = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(declaration))) {
      if (m.getModifiers().contains(Modifier.PRIVATE) || isObjects(m)) {
        continue;
      }
      for (GeneratedMethod g : generated) {
        if (!g.name().contentEquals(m.getSimpleName()) || !sameParameters(types, m, g)) {
          continue;
        }
        String problem = problem(types, m, g);
        if (problem != null) {
          clashes.add(new Clash(m, "the method " + signature(m) + " of " + m.getEnclosingElement().getSimpleName()
              + " clashes with the method of that signature " + modelName + " declares: " + problem
              + "; rename it (gradgen generates " + signature(g) + ")"));
        }
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(declaration))) {
      String name = field.getSimpleName().toString();
      if (!field.getModifiers().contains(Modifier.PRIVATE) && PACKAGE_ROOTS.contains(name)) {
        clashes.add(new Clash(field, "the field '" + name + "' hides the package " + name + " from " + modelName
            + ", which names types like " + name + (name.equals("io") ? ".gradgen.Parameters" : ".lang.Math")
            + " by their full names; rename the field"));
      }
    }
    return clashes;
  }

  private static boolean isObjects(ExecutableElement m) {
    return m.getEnclosingElement() instanceof TypeElement t && t.getQualifiedName().contentEquals("java.lang.Object");
  }

  private static boolean sameParameters(Types types, ExecutableElement m, GeneratedMethod g) {
    if (m.getParameters().size() != g.parameterTypes().size()) {
      return false;
    }
    for (int i = 0; i < g.parameterTypes().size(); i++) {
      if (!types.erasure(m.getParameters().get(i).asType()).toString().equals(g.parameterTypes().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Why the generated method cannot override or hide {@code m}, or null when it can. */
  private static String problem(Types types, ExecutableElement m, GeneratedMethod g) {
    boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
    if (m.getModifiers().contains(Modifier.FINAL)) {
      return "it is final, so " + (g.isStatic() ? "it cannot be hidden" : "it cannot be overridden");
    }
    if (isStatic != g.isStatic()) {
      return isStatic ? "it is static, the generated one is not" : "the generated one is static, it is not";
    }
    if (access(m) > g.access()) {
      return "the generated one is " + accessName(g.access()) + ", less accessible than it";
    }
    if (!types.erasure(m.getReturnType()).toString().equals(g.returnType())) {
      return "it returns " + m.getReturnType() + ", the generated one " + g.returnType();
    }
    return null;
  }

  private static int access(ExecutableElement m) {
    Set<Modifier> modifiers = m.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)
        || m.getEnclosingElement().getKind().isInterface() && !modifiers.contains(Modifier.PRIVATE)) {
      return 3;
    }
    return modifiers.contains(Modifier.PROTECTED) ? 2 : 1;
  }

  private static String accessName(int access) {
    return switch (access) {
      case 0 -> "private";
      case 1 -> "package-private";
      case 2 -> "protected";
      default -> "public";
    };
  }

  private static String signature(ExecutableElement m) {
    List<String> params = new ArrayList<>();
    m.getParameters().forEach(p -> params.add(p.asType().toString()));
    return m.getSimpleName() + "(" + String.join(", ", params) + ")";
  }

  private static String signature(GeneratedMethod g) {
    return accessName(g.access()) + (g.isStatic() ? " static " : " ") + g.returnType() + " " + g.name()
        + "(" + String.join(", ", g.parameterTypes()) + ")";
  }
}
