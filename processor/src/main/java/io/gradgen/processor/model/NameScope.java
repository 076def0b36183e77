package io.gradgen.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What the names of a method body denote, found among the compiler's symbols by Java's scoping
 * rules (JLS §6.4, §6.5), never by spelling: {@code Math} is {@code java.lang.Math} only when no
 * member type, import or class of the package called {@code Math} comes first, and no field of
 * that name obscures it.
 *
 * <p>It reads only symbols javac has already entered (members, imports, packages), so it attributes
 * nothing and changes nothing in the compilation.
 */
final class NameScope {
  private final Elements elements;
  private final TypeElement declaring;
  private final CompilationUnitTree unit;

  NameScope(Elements elements, TypeElement declaring, CompilationUnitTree unit) {
    this.elements = elements;
    this.declaring = declaring;
    this.unit = unit;
  }

  /** The declaring type and the types around it, innermost first (local classes' methods skipped). */
  private List<TypeElement> enclosingTypes() {
    List<TypeElement> types = new ArrayList<>();
    for (Element e = declaring; e != null && e.getKind() != ElementKind.PACKAGE && e.getKind() != ElementKind.MODULE;
        e = e.getEnclosingElement()) {
      if (e instanceof TypeElement t) {
        types.add(t);
      }
    }
    return types;
  }

  private static boolean isType(Element e) {
    return e.getKind().isClass() || e.getKind().isInterface();
  }

  private Optional<TypeElement> named(String qualified) {
    TypeElement t = elements.getTypeElement(qualified);
    if (t == null) {
      ModuleElement module = elements.getModuleOf(declaring);
      if (module != null) {
        t = elements.getTypeElement(module, qualified);
      }
    }
    return Optional.ofNullable(t);
  }

  private Optional<TypeElement> memberType(TypeElement owner, String simple) {
    for (Element m : elements.getAllMembers(owner)) {
      if (isType(m) && m.getSimpleName().contentEquals(simple)) {
        return Optional.of((TypeElement) m);
      }
    }
    return Optional.empty();
  }

  /** The imports of the file: (static?, qualified name, last identifier). */
  private record Import(boolean isStatic, String owner, String name) {}

  private List<Import> imports() {
    List<Import> imports = new ArrayList<>();
    for (ImportTree i : unit.getImports()) {
      Tree id = i.getQualifiedIdentifier();
      if (id instanceof MemberSelectTree m) {
        imports.add(new Import(i.isStatic(), m.getExpression().toString(), m.getIdentifier().toString()));
      }
    }
    return imports;
  }

  /**
   * The type the simple name denotes here: a member type of an enclosing class (inherited ones
   * included), innermost first; a single-type import; a class of the package; an on-demand
   * import; {@code java.lang}.
   */
  Optional<TypeElement> type(String simple) {
    for (TypeElement t : enclosingTypes()) {
      Optional<TypeElement> member = memberType(t, simple);
      if (member.isPresent()) {
        return member;
      }
      if (t.getSimpleName().contentEquals(simple) && t.getNestingKind() == NestingKind.TOP_LEVEL) {
        return Optional.of(t);
      }
    }
    for (Import i : imports()) {
      if (i.name().equals(simple)) {
        Optional<TypeElement> imported = named(i.owner() + "." + simple);
        if (imported.isPresent()) {
          return imported;
        }
      }
    }
    String pkg = elements.getPackageOf(declaring).getQualifiedName().toString();
    Optional<TypeElement> inPackage = named(pkg.isEmpty() ? simple : pkg + "." + simple);
    if (inPackage.isPresent()) {
      return inPackage;
    }
    for (Import i : imports()) {
      if (i.name().equals("*")) {
        Optional<TypeElement> onDemand = named(i.owner() + "." + simple);
        if (onDemand.isPresent()) {
          return onDemand;
        }
      }
    }
    return named("java.lang." + simple);
  }

  /** True when a field of that name is in scope: it obscures a type of the same name (JLS §6.4.2). */
  boolean isField(String simple) {
    for (TypeElement t : enclosingTypes()) {
      for (Element m : ElementFilter.fieldsIn(elements.getAllMembers(t))) {
        if (m.getSimpleName().contentEquals(simple)) {
          return true;
        }
      }
    }
    for (Import i : imports()) {
      if (i.isStatic() && (i.name().equals(simple) || i.name().equals("*"))) {
        Optional<TypeElement> owner = named(i.owner());
        if (owner.isPresent() && ElementFilter.fieldsIn(elements.getAllMembers(owner.get())).stream()
            .anyMatch(f -> f.getSimpleName().contentEquals(simple) && f.getModifiers().contains(Modifier.STATIC))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The type a qualifier names ({@code Math}, {@code java.lang.Math}, {@code Outer.Inner}), if it names one. */
  Optional<TypeElement> qualifier(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      String name = id.getName().toString();
      return isField(name) ? Optional.empty() : type(name);
    }
    if (e instanceof MemberSelectTree m) {
      Optional<TypeElement> owner = qualifier(m.getExpression());
      if (owner.isPresent()) {
        return memberType(owner.get(), m.getIdentifier().toString());
      }
      String leftmost = leftmost(m);
      if (isField(leftmost) || type(leftmost).isPresent()) {
        return Optional.empty(); // a variable's member, or a member the type does not have
      }
      return named(e.toString()); // a package-qualified name
    }
    return Optional.empty();
  }

  private static String leftmost(ExpressionTree e) {
    ExpressionTree t = e;
    while (t instanceof MemberSelectTree m) {
      t = m.getExpression();
    }
    return t.toString();
  }

  /** The methods of that name the enclosing types have (inherited ones included), innermost type first. */
  List<ExecutableElement> methods(String simple) {
    for (TypeElement t : enclosingTypes()) {
      List<ExecutableElement> found = ElementFilter.methodsIn(elements.getAllMembers(t)).stream()
          .filter(m -> m.getSimpleName().contentEquals(simple))
          .map(m -> (ExecutableElement) m)
          .toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** The type whose static method an unqualified call of that name imports, if an import does. */
  Optional<TypeElement> staticImportOf(String method) {
    for (String wanted : List.of(method, "*")) {
      for (Import i : imports()) {
        if (i.isStatic() && i.name().equals(wanted)) {
          Optional<TypeElement> owner = named(i.owner());
          if (owner.isPresent() && ElementFilter.methodsIn(elements.getAllMembers(owner.get())).stream()
              .anyMatch(m -> m.getSimpleName().contentEquals(method) && m.getModifiers().contains(Modifier.STATIC))) {
            return owner;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The type the methods of this body are declared in. */
  TypeElement declaring() {
    return declaring;
  }
}
