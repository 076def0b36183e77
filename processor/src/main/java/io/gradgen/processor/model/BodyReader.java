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
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import io.gradgen.Differentiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.TypeKind;

/**
 * Reads the statements and expressions of one {@code @Differentiable} method's body into {@link
 * Ast} nodes, rejecting, on the exact expression, anything outside gradgen's subset of Java.
 */
final class BodyReader {
  private final CompilationUnitTree unit;
  private final CallResolver calls;

  /**
   * @param unit the compilation unit holding the body, for error positions
   * @param scope resolves the names the body uses through the compiler's symbols
   * @param arrayParameters the method's array arguments, which calls may index
   */
  BodyReader(CompilationUnitTree unit, NameScope scope, Set<String> arrayParameters) {
    this.unit = unit;
    this.calls = new CallResolver(scope, this::at, arrayParameters);
  }

  private Object at(Tree tree) {
    return new SourcePosition(tree, unit);
  }

  Ast statement(StatementTree s) {
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
