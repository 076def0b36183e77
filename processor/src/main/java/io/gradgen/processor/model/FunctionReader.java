package io.gradgen.processor.model;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gradgen.Differentiable;
import io.gradgen.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Reads the body of a {@code @Differentiable} method through javac's tree API into an {@link Ast},
 * rejecting, on the exact expression, anything outside gradgen's subset of Java.
 */
public final class FunctionReader {
  private final Trees trees;
  private final Elements elements;
  private CompilationUnitTree unit;
  private CallResolver calls;

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
    calls = new CallResolver(new NameScope(elements, type, unit), this::at, arrayParameters);
    List<String> wrt = wrt(method, params, fields, at);
    List<Ast> body = new ArrayList<>();
    for (StatementTree statement : tree.getBody().getStatements()) {
      body.add(statement(statement));
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

  private Ast statement(StatementTree s) {
    return switch (s.getKind()) {
      case VARIABLE -> declare((VariableTree) s);
      case EXPRESSION_STATEMENT -> assignment(((ExpressionStatementTree) s).getExpression());
      case FOR_LOOP -> forLoop((ForLoopTree) s);
      case RETURN -> {
        ReturnTree r = (ReturnTree) s;
        yield new Ast.Return(expression(r.getExpression()), at(s));
      }
      case BLOCK -> throw unsupported(s, "a nested block");
      case IF -> throw new FunctionError(at(s), "'if' statements are not in gradgen's differentiable subset;"
          + " write a conditional expression instead: x = a < b ? u : v (" + FunctionError.SUPPORTED + ")");
      case WHILE_LOOP, DO_WHILE_LOOP, ENHANCED_FOR_LOOP -> throw new FunctionError(at(s),
          "only for loops with constant bounds can be unrolled: for (int i = 0; i < N; i++) ("
              + FunctionError.SUPPORTED + ")");
      case THROW, TRY -> throw unsupported(s, "exceptions");
      default -> throw unsupported(s, "this statement");
    };
  }

  private static String describe(Tree t) {
    return t.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private FunctionError unsupported(Tree t, String what) {
    return new FunctionError(at(t), what + " (" + describe(t) + ") is not in gradgen's differentiable subset of Java; "
        + FunctionError.SUPPORTED);
  }

  private Ast declare(VariableTree v) {
    boolean isInt;
    if (v.getType() instanceof PrimitiveTypeTree primitive) {
      TypeKind k = primitive.getPrimitiveTypeKind();
      if (k != TypeKind.DOUBLE && k != TypeKind.FLOAT && k != TypeKind.INT) {
        throw unsupported(v, "a local of type " + k.toString().toLowerCase(java.util.Locale.ROOT));
      }
      isInt = k == TypeKind.INT;
    } else {
      throw unsupported(v, "a local of type " + v.getType() + " (only double, float and int locals; no allocation)");
    }
    if (v.getInitializer() == null) {
      throw new FunctionError(at(v), "declare '" + v.getName() + "' with a value: double " + v.getName() + " = 0;");
    }
    return new Ast.Declare(v.getName().toString(), isInt, expression(v.getInitializer()), at(v));
  }

  private Ast assignment(ExpressionTree e) {
    if (e instanceof AssignmentTree a) {
      return new Ast.Assign(localName(a.getVariable()), "=", expression(a.getExpression()), at(e));
    }
    if (e instanceof CompoundAssignmentTree c) {
      String op = switch (c.getKind()) {
        case PLUS_ASSIGNMENT -> "+";
        case MINUS_ASSIGNMENT -> "-";
        case MULTIPLY_ASSIGNMENT -> "*";
        case DIVIDE_ASSIGNMENT -> "/";
        default -> throw unsupported(c, "this compound assignment");
      };
      return new Ast.Assign(localName(c.getVariable()), op, expression(c.getExpression()), at(e));
    }
    throw unsupported(e, "an expression statement other than an assignment to a local");
  }

  private String localName(ExpressionTree target) {
    if (target instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    throw new FunctionError(at(target), "only locals can be assigned in a @Differentiable method, not "
        + target + " (fields and array elements are read-only)");
  }

  private Ast forLoop(ForLoopTree f) {
    if (f.getInitializer().size() != 1 || !(f.getInitializer().get(0) instanceof VariableTree init)
        || !(init.getType() instanceof PrimitiveTypeTree t) || t.getPrimitiveTypeKind() != TypeKind.INT
        || init.getInitializer() == null) {
      throw new FunctionError(at(f), "a for loop declares one int index: for (int i = 0; i < N; i++)");
    }
    String index = init.getName().toString();
    if (!(f.getCondition() instanceof BinaryTree cond) || !(cond.getLeftOperand() instanceof IdentifierTree left)
        || !left.getName().contentEquals(index)) {
      throw new FunctionError(at(f.getCondition() == null ? f : f.getCondition()),
          "a for loop's condition compares its index with a constant bound: i < N");
    }
    String comparison = switch (cond.getKind()) {
      case LESS_THAN -> "<";
      case LESS_THAN_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_EQUAL -> ">=";
      default -> throw new FunctionError(at(cond), "a for loop's condition is one of < <= > >=");
    };
    if (f.getUpdate().size() != 1) {
      throw new FunctionError(at(f), "a for loop updates its index once: i++, i--, i += c or i -= c");
    }
    int step = step(f.getUpdate().get(0).getExpression(), index);
    List<Ast> body = new ArrayList<>();
    if (f.getStatement() instanceof BlockTree block) {
      for (StatementTree s : block.getStatements()) {
        body.add(statement(s));
      }
    } else {
      body.add(statement(f.getStatement()));
    }
    for (Ast s : body) {
      if (s instanceof Ast.Return) {
        throw new FunctionError(s.at(), "return is only allowed as the method's last statement, not inside a loop");
      }
      if (s instanceof Ast.Assign a && a.name().equals(index)) {
        throw new FunctionError(s.at(), "the loop index " + index + " cannot be assigned in the loop body");
      }
    }
    return new Ast.For(index, expression(init.getInitializer()), comparison, expression(cond.getRightOperand()), step, body, at(f));
  }

  private int step(ExpressionTree update, String index) {
    if (update instanceof UnaryTree u && u.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(index)) {
      switch (u.getKind()) {
        case POSTFIX_INCREMENT, PREFIX_INCREMENT -> {
          return 1;
        }
        case POSTFIX_DECREMENT, PREFIX_DECREMENT -> {
          return -1;
        }
        default -> { }
      }
    }
    if (update instanceof CompoundAssignmentTree c && c.getVariable() instanceof IdentifierTree id
        && id.getName().contentEquals(index) && c.getExpression() instanceof LiteralTree lit
        && lit.getValue() instanceof Integer by && by > 0) {
      if (c.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
        return by;
      }
      if (c.getKind() == Tree.Kind.MINUS_ASSIGNMENT) {
        return -by;
      }
    }
    throw new FunctionError(at(update), "a for loop updates its index by a constant: i++, i--, i += c or i -= c");
  }

  private Ast expression(ExpressionTree e) {
    return switch (e.getKind()) {
      case INT_LITERAL -> new Ast.Num(((Number) ((LiteralTree) e).getValue()).doubleValue(), true, at(e));
      case DOUBLE_LITERAL, FLOAT_LITERAL -> new Ast.Num(((Number) ((LiteralTree) e).getValue()).doubleValue(), false, at(e));
      case IDENTIFIER -> new Ast.Name(((IdentifierTree) e).getName().toString(), at(e));
      case PARENTHESIZED -> expression(((ParenthesizedTree) e).getExpression());
      case UNARY_MINUS -> new Ast.Unary("-", expression(((UnaryTree) e).getExpression()), at(e));
      case UNARY_PLUS -> expression(((UnaryTree) e).getExpression());
      case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER, LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN,
          GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO -> binary((BinaryTree) e);
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree c = (ConditionalExpressionTree) e;
        Ast condition = expression(c.getCondition());
        if (!(condition instanceof Ast.Binary b) || !isComparison(b.op())) {
          throw new FunctionError(at(c.getCondition()), "the condition of a ternary compares two values: a < b ? x : y");
        }
        yield new Ast.Conditional(condition, expression(c.getTrueExpression()), expression(c.getFalseExpression()), at(e));
      }
      case ARRAY_ACCESS -> {
        ArrayAccessTree a = (ArrayAccessTree) e;
        if (!(a.getExpression() instanceof IdentifierTree array)) {
          throw new FunctionError(at(a.getExpression()), "only arguments can be indexed: x[i]");
        }
        yield new Ast.Element(array.getName().toString(), expression(a.getIndex()), at(e));
      }
      case MEMBER_SELECT -> member((MemberSelectTree) e);
      case METHOD_INVOCATION -> call((MethodInvocationTree) e);
      case TYPE_CAST -> {
        TypeCastTree cast = (TypeCastTree) e;
        if (cast.getType() instanceof PrimitiveTypeTree p
            && (p.getPrimitiveTypeKind() == TypeKind.DOUBLE || p.getPrimitiveTypeKind() == TypeKind.FLOAT)) {
          yield new Ast.Call("(double)", List.of(expression(cast.getExpression())), at(e));
        }
        throw unsupported(e, "a cast other than to double or float");
      }
      case NEW_ARRAY, NEW_CLASS -> throw unsupported(e, "allocation");
      case LAMBDA_EXPRESSION, MEMBER_REFERENCE -> throw unsupported(e, "a lambda");
      default -> throw unsupported(e, "this expression");
    };
  }

  private static boolean isComparison(String op) {
    return switch (op) {
      case "<", "<=", ">", ">=", "==", "!=" -> true;
      default -> false;
    };
  }

  private Ast binary(BinaryTree b) {
    String op = switch (b.getKind()) {
      case PLUS -> "+";
      case MINUS -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      case REMAINDER -> "%";
      case LESS_THAN -> "<";
      case LESS_THAN_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_EQUAL -> ">=";
      case EQUAL_TO -> "==";
      case NOT_EQUAL_TO -> "!=";
      default -> throw unsupported(b, "this operator");
    };
    return new Ast.Binary(op, expression(b.getLeftOperand()), expression(b.getRightOperand()), at(b));
  }

  private Ast member(MemberSelectTree m) {
    String name = m.getIdentifier().toString();
    if (m.getExpression() instanceof IdentifierTree self && self.getName().contentEquals("this")) {
      return new Ast.Name(name, at(m));
    }
    if (calls.isJavaLangMath(m.getExpression())) {
      if (name.equals("PI")) {
        return new Ast.Num(Math.PI, false, at(m));
      }
      if (name.equals("E")) {
        return new Ast.Num(Math.E, false, at(m));
      }
    } else {
      calls.notJavaLangMath(m.getExpression(), m);
    }
    if (name.equals("length")) {
      throw new FunctionError(at(m), m + " is not a compile-time constant; loop bounds must be constants, e.g. i < 5");
    }
    throw unsupported(m, "the field " + m);
  }

  private Ast call(MethodInvocationTree c) {
    if (!c.getTypeArguments().isEmpty()) {
      throw unsupported(c, "a generic call");
    }
    List<Ast> args = new ArrayList<>();
    for (ExpressionTree arg : c.getArguments()) {
      args.add(expression(arg));
    }
    Ast call = calls.call(c, args);
    if (call == null) {
      throw unsupported(c, "this call");
    }
    return call;
  }
}
