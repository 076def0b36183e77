package io.gradgen.processor.model;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import io.gradgen.Differentiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * What a call in a {@code @Differentiable} body calls, found through the compiler's symbols
 * ({@link NameScope}): a function of {@code java.lang.Math}, or one {@code @Differentiable} method
 * of the declaring class, told apart from its overloads by its key {@code f(double,double[])}.
 */
final class CallResolver {
  private static final Set<String> MATH =
      Set.of("exp", "log", "log1p", "sqrt", "pow", "abs", "tanh", "sin", "cos", "max", "min");

  private final NameScope scope;
  private final Function<Tree, Object> at;
  private final Set<String> arrayParameters;

  /**
   * @param scope the names around the method
   * @param at a tree's source position, for errors
   * @param arrayParameters the method's array parameters: an argument naming one is an array
   */
  CallResolver(NameScope scope, Function<Tree, Object> at, Set<String> arrayParameters) {
    this.scope = scope;
    this.at = at;
    this.arrayParameters = Set.copyOf(arrayParameters);
  }

  /** The key a call resolves to: the method's name and parameter types, as javac prints them. */
  static String key(ExecutableElement method) {
    List<String> types = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      types.add(p.asType().toString());
    }
    return FunctionSpec.key(method.getSimpleName().toString(), types);
  }

  private Object at(Tree tree) {
    return at.apply(tree);
  }

  /**
   * The call {@code c} with its arguments read already, or null when its form is not one the
   * subset has (a call on an expression).
   *
   * @throws FunctionError when it calls something gradgen cannot differentiate
   */
  Ast.Call call(MethodInvocationTree c, List<Ast> args) {
    ExpressionTree select = c.getMethodSelect();
    if (select instanceof MemberSelectTree m) {
      String name = m.getIdentifier().toString();
      ExpressionTree owner = m.getExpression();
      if (isJavaLangMath(owner)) {
        return math(name, args, c);
      }
      notJavaLangMath(owner, c);
      boolean self = owner instanceof IdentifierTree id && id.getName().contentEquals("this");
      if (self || scope.qualifier(owner).filter(t -> t.equals(scope.declaring())).isPresent()) {
        return ownMethod(name, args, c);
      }
      throw new FunctionError(at(c), "only java.lang.Math functions and @Differentiable methods of this class can be"
          + " called, not " + owner + "." + name + "; move the method into this class and mark it @Differentiable");
    }
    if (select instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (scope.methods(name).isEmpty()) {
        Optional<TypeElement> imported = scope.staticImportOf(name);
        if (imported.isPresent() && imported.get().getQualifiedName().contentEquals("java.lang.Math")) {
          return math(name, args, c);
        }
      }
      return ownMethod(name, args, c);
    }
    return null;
  }

  /** True when the qualifier denotes the class java.lang.Math, by the compiler's symbols. */
  boolean isJavaLangMath(ExpressionTree qualifier) {
    return scope.qualifier(qualifier)
        .filter(t -> t.getQualifiedName().contentEquals("java.lang.Math"))
        .isPresent();
  }

  /** A qualifier spelled Math that denotes something else is an error that says what it is. */
  void notJavaLangMath(ExpressionTree qualifier, Tree use) {
    if (!qualifier.toString().equals("Math") && !qualifier.toString().equals("java.lang.Math")) {
      return;
    }
    String what = scope.qualifier(qualifier)
        .map(t -> "the class " + t.getQualifiedName())
        .orElse("a field or variable");
    throw new FunctionError(at(use), "'" + qualifier + "' here is " + what + ", not java.lang.Math, whose"
        + " functions gradgen differentiates; write java.lang.Math." + (use instanceof MemberSelectTree ms
            ? ms.getIdentifier() : use instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree sel
                ? sel.getIdentifier() + "(…)" : "…")
        + ", or rename the other " + qualifier);
  }

  private Ast.Call math(String name, List<Ast> args, MethodInvocationTree c) {
    if (!MATH.contains(name)) {
      throw new FunctionError(at(c), "Math." + name + " is not differentiable by gradgen; "
          + "use exp, log, log1p, sqrt, pow, abs, tanh, sin, cos, max or min");
    }
    return new Ast.Call("Math." + name, args, at(c));
  }

  /**
   * A call of a method of this class, resolved as javac resolves it among the class's methods of
   * that name: by the number of arguments and which are arrays (array arguments are array
   * parameters, passed by name). Where that leaves more than one method, the call is an error,
   * never a guess.
   */
  private Ast.Call ownMethod(String name, List<Ast> args, MethodInvocationTree c) {
    List<ExecutableElement> named = scope.methods(name);
    if (named.isEmpty()) {
      throw new FunctionError(at(c), "'" + name + "' is not a @Differentiable static method of this class;"
          + " a @Differentiable method can call java.lang.Math functions and other @Differentiable static methods");
    }
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement m : named) {
      if (applicable(m, args)) {
        applicable.add(m);
      }
    }
    if (applicable.isEmpty()) {
      throw new FunctionError(at(c), "no method " + name + " takes these " + args.size() + " argument"
          + (args.size() == 1 ? "" : "s") + "; there are " + named.stream().map(CallResolver::key).toList());
    }
    if (applicable.size() > 1) {
      throw new FunctionError(at(c), "this call could be any of " + applicable.stream().map(CallResolver::key).toList()
          + ", which gradgen does not choose between; give the overloads different names");
    }
    ExecutableElement callee = applicable.get(0);
    if (FunctionReader.annotation(callee, Differentiable.class.getCanonicalName()) == null) {
      throw new FunctionError(at(c), key(callee) + " is not @Differentiable; mark it @Differentiable to call it here");
    }
    if (!callee.getEnclosingElement().equals(scope.declaring())) {
      throw new FunctionError(at(c), key(callee) + " is declared in " + callee.getEnclosingElement()
          + "; only @Differentiable methods of this class can be called");
    }
    return new Ast.Call(key(callee), args, at(c));
  }

  /** Whether {@code m} can take these arguments: as many, arrays where it takes arrays. */
  private boolean applicable(ExecutableElement m, List<Ast> args) {
    if (m.getParameters().size() != args.size() || m.isVarArgs()) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      TypeKind kind = m.getParameters().get(i).asType().getKind();
      boolean array = args.get(i) instanceof Ast.Name n && arrayParameters.contains(n.name());
      if (array ? kind != TypeKind.ARRAY : !kind.isPrimitive()) {
        return false;
      }
    }
    return true;
  }
}
