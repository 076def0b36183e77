package io.gradgen.processor.emit;

import io.gradgen.MathMode;
import io.gradgen.processor.lower.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Prints lowered expressions as Java source (in double unless told otherwise) with the fewest parentheses that keep
 * the evaluation order: sums and products associate to the left exactly as the IR does, so the
 * printed code computes the same bits as the graph's {@code Evaluator}. (Float models' straight-line
 * code computes in double too, see {@link ModelEmitter#statements}.)
 */
final class JavaExpressions {
  /** The runtime's polynomial tanh and sigmoid, named in full: the generated file imports nothing for it. */
  private static final String FAST_MATH = "io.gradgen.FastMath";

  // Java precedence levels, loosest first.
  private static final int CONDITIONAL = 0;
  private static final int RELATIONAL = 1;
  private static final int ADDITIVE = 2;
  private static final int MULTIPLICATIVE = 3;
  private static final int UNARY = 4;
  private static final int PRIMARY = 5;

  /**
   * Printed source, its precedence, and whether Java types it {@code float}: a float array element
   * or argument ({@link FloatNames}), or an exact operation (negation, abs, max, min, a choice) of
   * such values.
   */
  private record Printed(String text, int precedence, boolean isFloat) {
    Printed(String text, int precedence) {
      this(text, precedence, false);
    }
  }

  /** Array names whose elements are read at an offset: {@code x[xo + 2]}. */
  private final Map<String, String> offsets;
  /** The type the expression computes in: literals and {@code Math} results are written in it. */
  private final Numeric numeric;
  /**
   * Which names Java types float while the expression computes in double (a float model's arrays,
   * a function's float arguments): an operation on two float values widens its left one first,
   * since Java would compute {@code w[3] * x[1]} in float.
   */
  private final FloatNames floats;
  /** {@link MathMode#FAST} prints TANH and SIGMOID as calls of the runtime's {@code FastMath}. */
  private final MathMode math;

  /**
   * The arrays and the names whose values are floats.
   *
   * @param array true for an array of floats
   * @param ref true for a float argument or local
   */
  record FloatNames(Predicate<String> array, Predicate<String> ref) {
    /** Nothing is float. */
    static final FloatNames NONE = new FloatNames(a -> false, r -> false);
    /** A float model's straight-line code: every array holds floats, every local is a double. */
    static final FloatNames ARRAYS = new FloatNames(a -> true, r -> false);

    /**
     * The float arrays and arguments of a function, by name; a function reads an array element as
     * a name too ({@code v[0]}).
     */
    static FloatNames of(Set<String> arrays, Set<String> refs) {
      return new FloatNames(arrays::contains, r -> refs.contains(r)
          || r.indexOf('[') > 0 && arrays.contains(r.substring(0, r.indexOf('['))));
    }

    static FloatNames of(Numeric storage) {
      return storage == Numeric.FLOAT ? ARRAYS : NONE;
    }
  }

  private JavaExpressions(Map<String, String> offsets, Numeric numeric) {
    this(offsets, numeric, FloatNames.NONE, MathMode.EXACT);
  }

  private JavaExpressions(Map<String, String> offsets, Numeric numeric, FloatNames floats, MathMode math) {
    this.offsets = offsets;
    this.numeric = numeric;
    this.floats = floats;
    this.math = math;
  }

  /** The Java source of {@code expr}. */
  static String render(Expr expr) {
    return render(expr, Map.of());
  }

  /** The Java source of {@code expr}, reading the arrays in {@code offsets} at their offset. */
  static String render(Expr expr, Map<String, String> offsets) {
    return new JavaExpressions(offsets, Numeric.DOUBLE).print(expr).text();
  }

  /**
   * The Java source of {@code expr} computed in double where {@code floats} are float values,
   * reading the arrays in {@code offsets} at their offset.
   */
  static String render(Expr expr, Map<String, String> offsets, FloatNames floats) {
    return render(expr, offsets, floats, MathMode.EXACT);
  }

  /** {@link #render(Expr, Map, FloatNames)} calling {@code math}'s tanh and sigmoid. */
  static String render(Expr expr, Map<String, String> offsets, FloatNames floats, MathMode math) {
    return new JavaExpressions(offsets, Numeric.DOUBLE, floats, math).print(expr).text();
  }

  /** {@link #renderOperand(Expr, Map)} where {@code floats} are float values. */
  static String renderOperand(Expr expr, Map<String, String> offsets, FloatNames floats) {
    return renderOperand(expr, offsets, floats, MathMode.EXACT);
  }

  /** {@link #renderOperand(Expr, Map, FloatNames)} calling {@code math}'s tanh and sigmoid. */
  static String renderOperand(Expr expr, Map<String, String> offsets, FloatNames floats, MathMode math) {
    return new JavaExpressions(offsets, Numeric.DOUBLE, floats, math).at(expr, UNARY);
  }

  /**
   * The Java source of {@code expr} computed in {@code numeric}: in float, literals are float and
   * the {@code Math} functions that return double are cast back (the loop form computes in float).
   */
  static String render(Expr expr, Numeric numeric) {
    return render(expr, numeric, MathMode.EXACT);
  }

  /** {@link #render(Expr, Numeric)} calling {@code math}'s tanh and sigmoid. */
  static String render(Expr expr, Numeric numeric, MathMode math) {
    return new JavaExpressions(Map.of(), numeric, FloatNames.NONE, math).print(expr).text();
  }

  /** The Java source of {@code expr} as a product's right operand: parenthesized unless it binds tighter. */
  static String renderOperand(Expr expr, Map<String, String> offsets) {
    return new JavaExpressions(offsets, Numeric.DOUBLE).at(expr, UNARY);
  }

  /** {@link #renderOperand} in {@code numeric}. */
  static String renderOperand(Expr expr, Numeric numeric) {
    return new JavaExpressions(Map.of(), numeric).at(expr, UNARY);
  }

  /** The source of {@code expr}, parenthesized if it binds looser than {@code min}. */
  private String at(Expr expr, int min) {
    return at(print(expr), min);
  }

  private static String at(Printed p, int min) {
    return p.precedence() < min ? "(" + p.text() + ")" : p.text();
  }

  /** {@code left} as the left operand of arithmetic with {@code right}: widened if both are float. */
  private static String widened(Printed left, Printed right, int min) {
    return left.isFloat() && right.isFloat() ? "(double) " + at(left, UNARY) : at(left, min);
  }

  private Printed print(Expr expr) {
    if (expr instanceof Expr.Ref ref) {
      return new Printed(ref.name(), PRIMARY, floats.ref().test(ref.name()));
    }
    if (expr instanceof Expr.Element element) {
      String offset = offsets.get(element.array());
      String index = offset == null ? Integer.toString(element.index()) : offset + " + " + element.index();
      return new Printed(element.array() + "[" + index + "]", PRIMARY, floats.array().test(element.array()));
    }
    if (expr instanceof Expr.Literal literal) {
      return literal(literal.value());
    }
    return apply((Expr.Apply) expr);
  }

  private Printed literal(double v) {
    String text = numeric.literal(v);
    return new Printed(text, text.startsWith("-") ? UNARY : PRIMARY);
  }

  private Printed apply(Expr.Apply e) {
    List<Expr> a = e.args();
    return switch (e.op()) {
      case ADD -> {
        List<Printed> terms = a.stream().map(this::print).toList();
        StringBuilder sb = new StringBuilder(terms.size() == 1 ? at(terms.get(0), ADDITIVE) : widened(terms.get(0), terms.get(1), ADDITIVE));
        for (int i = 1; i < terms.size(); i++) {
          sb.append(" + ").append(at(terms.get(i), MULTIPLICATIVE));
        }
        yield new Printed(sb.toString(), ADDITIVE);
      }
      case SUB -> binary(a, " - ", ADDITIVE);
      case MUL -> binary(a, " * ", MULTIPLICATIVE);
      case DIV -> binary(a, " / ", MULTIPLICATIVE);
      case NEG -> {
        Printed x = print(a.get(0));
        yield new Printed(negate(x), UNARY, x.isFloat());
      }
      case SQUARE -> {
        Printed x = print(a.get(0));
        yield new Printed(widened(x, x, UNARY) + " * " + at(x, UNARY), MULTIPLICATIVE);
      }
      case EXP -> doubleCall("Math.exp", a);
      case LOG -> doubleCall("Math.log", a);
      case LOG1P -> doubleCall("Math.log1p", a);
      case ABS -> exactCall("Math.abs", a);
      case SIGN -> exactCall("Math.signum", a);
      case MAX -> exactCall("Math.max", a);
      case MIN -> exactCall("Math.min", a);
      case SQRT -> doubleCall("Math.sqrt", a);
      case POW -> doubleCall("Math.pow", a);
      case SIN -> doubleCall("Math.sin", a);
      case COS -> doubleCall("Math.cos", a);
      case TANH -> math == MathMode.FAST ? fastCall("tanh", a.get(0)) : doubleCall("Math.tanh", a);
      case RELU -> new Printed("Math.max(" + zero() + ", " + print(a.get(0)).text() + ")", PRIMARY);
      case SIGMOID -> math == MathMode.FAST ? fastCall("sigmoid", a.get(0)) : new Printed(
          one() + " / (" + one() + " + " + numeric.math("Math.exp(" + negate(a.get(0)) + ")") + ")", MULTIPLICATIVE);
      case IF_POSITIVE -> new Printed(
          at(a.get(0), ADDITIVE) + " > " + zero() + " ? " + at(a.get(1), RELATIONAL) + " : " + zero(), CONDITIONAL);
      case IF_GREATER_OR_EQUAL -> choice(a, " >= ");
      case IF_GREATER -> choice(a, " > ");
      case IF_EQUAL -> choice(a, " == ");
      case CONST, INPUT, TARGET, PARAM, VAR, SOFTMAX, SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY ->
          throw new IllegalStateException(e.op() + " must be lowered before printing");
    };
  }

  /** {@code a[0] test a[1] ? a[2] : a[3]}: float where both choices are. */
  private Printed choice(List<Expr> a, String test) {
    Printed then = print(a.get(2));
    Printed otherwise = print(a.get(3));
    return new Printed(
        at(a.get(0), ADDITIVE) + test + at(a.get(1), ADDITIVE) + " ? " + at(then, RELATIONAL) + " : " + at(otherwise, RELATIONAL),
        CONDITIONAL, then.isFloat() && otherwise.isFloat());
  }

  /** {@code a op b}, left-associative: the right operand is parenthesized at equal precedence. */
  private Printed binary(List<Expr> a, String op, int precedence) {
    Printed left = print(a.get(0));
    Printed right = print(a.get(1));
    return new Printed(widened(left, right, precedence) + op + at(right, precedence + 1), precedence);
  }

  /** {@code -a}, avoiding {@code --a}, which Java reads as a decrement. */
  private String negate(Expr operand) {
    return negate(print(operand));
  }

  private static String negate(Printed operand) {
    String inner = at(operand, UNARY);
    return inner.startsWith("-") ? "-(" + inner + ")" : "-" + inner;
  }

  private String zero() {
    return numeric.literal(0.0);
  }

  private String one() {
    return numeric.literal(1.0);
  }

  /** A {@code Math} function that returns double whatever its argument: cast back in float. */
  private Printed doubleCall(String function, List<Expr> args) {
    Printed p = call(function, args);
    return numeric == Numeric.DOUBLE ? p : new Printed(numeric.math(p.text()), UNARY);
  }

  /**
   * {@code FastMath.function(x)}, in this expression's type: a float argument of double arithmetic
   * is widened first, so that the double overload is called.
   */
  private Printed fastCall(String function, Expr x) {
    Printed arg = print(x);
    String text = numeric == Numeric.DOUBLE && arg.isFloat() ? "(double) " + at(arg, UNARY) : arg.text();
    return new Printed(FAST_MATH + "." + function + "(" + text + ")", PRIMARY);
  }

  /** A {@code Math} function that is exact in its argument's type: float of float arguments. */
  private Printed exactCall(String function, List<Expr> args) {
    List<Printed> printed = args.stream().map(this::print).toList();
    return new Printed(printedCall(function, printed).text(), PRIMARY, printed.stream().allMatch(Printed::isFloat));
  }

  private Printed call(String function, List<Expr> args) {
    return printedCall(function, args.stream().map(this::print).toList());
  }

  private static Printed printedCall(String function, List<Printed> args) {
    StringBuilder sb = new StringBuilder(function).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).text());
    }
    return new Printed(sb.append(')').toString(), PRIMARY);
  }
}
