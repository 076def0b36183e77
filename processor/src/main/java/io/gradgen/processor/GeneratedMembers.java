package io.gradgen.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gradgen.processor.model.MemberClashes;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** What a generated class declares, for {@link MemberClashes}, and its names made safe from the declaration's. */
final class GeneratedMembers {
  private GeneratedMembers() {}

  /** The methods (not constructors) of the generated class. */
  static List<MemberClashes.GeneratedMethod> methods(TypeSpec type) {
    List<MemberClashes.GeneratedMethod> methods = new ArrayList<>();
    for (MethodSpec m : type.methodSpecs()) {
      if (m.isConstructor()) {
        continue;
      }
      List<String> parameters = new ArrayList<>();
      for (ParameterSpec p : m.parameters()) {
        parameters.add(erasure(p.type()));
      }
      int access = m.modifiers().contains(Modifier.PUBLIC) ? 3
          : m.modifiers().contains(Modifier.PROTECTED) ? 2
          : m.modifiers().contains(Modifier.PRIVATE) ? 0 : 1;
      methods.add(new MemberClashes.GeneratedMethod(m.name(), parameters,
          m.returnType() == null ? "void" : erasure(m.returnType()), m.modifiers().contains(Modifier.STATIC), access));
    }
    return methods;
  }

  private static String erasure(TypeName type) {
    TypeName t = type.withoutAnnotations();
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType().withoutAnnotations().toString();
    }
    if (t instanceof ArrayTypeName a) {
      return erasure(a.componentType()) + "[]";
    }
    return t.toString();
  }

  /**
   * The same file, with every type whose simple name a nested class of the declaration (or of its
   * supertypes) also has written with its full name: the generated class inherits those nested
   * classes, so a {@code Math} of the user's would otherwise stand for {@code java.lang.Math} in
   * it.
   */
  static JavaFile qualifyingClashes(JavaFile file, TypeElement declaration) {
    // Only the types the emitter names through JavaPoet can be qualified; textual ones are checked
    // by textualClashes.
    TypeSpec safe = file.typeSpec().toBuilder().avoidClashesWithNestedClasses(declaration).build();
    return JavaFile.builder(file.packageName(), safe).skipJavaLangImports(true).indent("  ").build();
  }

  /**
   * The declaration's visible member classes and fields whose simple name the generated code
   * still uses unqualified ({@code Math.exp}, {@code Double.NaN}, written as text): inherited into
   * the generated class, they would stand for the user's class or field there. Names the
   * generated class declares itself take precedence over inherited ones and do not count.
   */
  static List<MemberClashes.Clash> textualClashes(JavaFile file, TypeElement declaration, Elements elements, String modelName) {
    java.util.Set<String> own = new java.util.HashSet<>(file.typeSpec().nestedTypesSimpleNames());
    file.typeSpec().fieldSpecs().forEach(f -> own.add(f.name()));
    String code = codeOnly(file.toString());
    List<MemberClashes.Clash> clashes = new ArrayList<>();
    for (Element member : elements.getAllMembers(declaration)) {
      boolean type = member.getKind().isClass() || member.getKind().isInterface();
      boolean field = member.getKind().isField();
      String name = member.getSimpleName().toString();
      if ((!type && !field) || member.getModifiers().contains(Modifier.PRIVATE) || name.isEmpty()
          || !Character.isUpperCase(name.charAt(0)) || own.contains(name)) {
        continue;
      }
      if (java.util.regex.Pattern.compile("(?<![\\w$.])" + java.util.regex.Pattern.quote(name) + "(?![\\w$])").matcher(code).find()) {
        clashes.add(new MemberClashes.Clash(member, "the " + (type ? "class " : "field ") + name + " of "
            + member.getEnclosingElement().getSimpleName() + " is inherited by " + modelName + ", whose code uses the"
            + " name " + name + " for another class (such as java.lang.Math); there it would mean this "
            + (type ? "class" : "field") + ": rename it"));
      }
    }
    return clashes;
  }

  /** Java source without its comments and string and character literals. */
  private static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < source.length() && source.charAt(i) != c) {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
