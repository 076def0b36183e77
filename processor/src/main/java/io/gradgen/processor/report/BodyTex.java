package io.gradgen.processor.report;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.ir.ElementFunction;
import java.util.List;

/**
 * An element function's body in LaTeX, as an expression tree (bodies are short): how the report
 * shows a custom activation or loss and the derivative the gate rules derived from it.
 */
final class BodyTex {
  private static final int SUM = 0;
  private static final int PRODUCT = 1;
  private static final int ATOM = 2;

  private record Printed(String tex, int precedence) {}

  private final List<String> names;

  private BodyTex(List<String> names) {
    this.names = names;
  }

  /** The body of {@code f} with its arguments named {@code names}. */
  static String of(ElementFunction f, List<String> names) {
    return new BodyTex(names).print(f.result()).tex();
  }

  /**
   * ∂f/∂(argument {@code slot}) as the generated code computes it, with {@code out} standing for
   * f's own value: the derived vector-Jacobian product with the upstream gradient set to 1.
   */
  static String derivative(ElementFunction f, int slot, List<String> names, String out) {
    List<String> all = new java.util.ArrayList<>(names);
    all.add(out);
    return of(f.vectorJacobian(slot).bind(0, 1.0), all);
  }

  private String at(Node n, int min) {
    Printed p = print(n);
    return p.precedence() < min ? "\\left(" + p.tex() + "\\right)" : p.tex();
  }

  private Printed print(Node n) {
    List<Node> a = n.args();
    return switch (n.op()) {
      case CONST -> new Printed(number(n.value()), n.value() < 0 ? SUM : ATOM);
      case VAR -> new Printed(names.get(n.index()), ATOM);
      case ADD -> {
        StringBuilder sb = new StringBuilder(at(a.get(0), SUM));
        for (int i = 1; i < a.size(); i++) {
          sb.append(" + ").append(at(a.get(i), PRODUCT));
        }
        yield new Printed(sb.toString(), SUM);
      }
      case SUB -> new Printed(at(a.get(0), SUM) + " - " + at(a.get(1), PRODUCT), SUM);
      case MUL -> new Printed(at(a.get(0), PRODUCT) + " \\cdot " + at(a.get(1), PRODUCT), PRODUCT);
      case DIV -> new Printed("\\frac{" + print(a.get(0)).tex() + "}{" + print(a.get(1)).tex() + "}", ATOM);
      case NEG -> new Printed("-" + at(a.get(0), PRODUCT), SUM);
      case SQUARE -> new Printed(at(a.get(0), ATOM) + "^2", ATOM);
      case EXP -> new Printed("e^{" + print(a.get(0)).tex() + "}", ATOM);
      case LOG -> call("\\ln", a);
      case LOG1P -> new Printed("\\ln\\left(1 + " + print(a.get(0)).tex() + "\\right)", ATOM);
      case ABS -> new Printed("\\left|" + print(a.get(0)).tex() + "\\right|", ATOM);
      case SIGN -> call("\\operatorname{sign}", a);
      case MAX -> call("\\max", a);
      case MIN -> call("\\min", a);
      case SQRT -> new Printed("\\sqrt{" + print(a.get(0)).tex() + "}", ATOM);
      case POW -> new Printed(at(a.get(0), ATOM) + "^{" + print(a.get(1)).tex() + "}", ATOM);
      case SIN -> call("\\sin", a);
      case COS -> call("\\cos", a);
      case SIGMOID -> call("\\sigma", a);
      case TANH -> call("\\tanh", a);
      case RELU -> new Printed("\\max\\left(0, " + print(a.get(0)).tex() + "\\right)", ATOM);
      case IF_POSITIVE -> select(print(a.get(0)).tex() + " > 0", a.get(1), null);
      case IF_GREATER_OR_EQUAL -> select(print(a.get(0)).tex() + " \\ge " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case IF_GREATER -> select(print(a.get(0)).tex() + " > " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case IF_EQUAL -> select(print(a.get(0)).tex() + " = " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case INPUT, TARGET, PARAM, SOFTMAX, SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY ->
          throw new IllegalArgumentException(n.op() + " does not occur in an element function");
    };
  }

  private Printed select(String condition, Node then, Node otherwise) {
    String no = otherwise == null ? "0" : print(otherwise).tex();
    return new Printed("\\begin{cases} " + print(then).tex() + " & " + condition + " \\\\ " + no
        + " & \\text{otherwise} \\end{cases}", ATOM);
  }

  private Printed call(String function, List<Node> args) {
    StringBuilder sb = new StringBuilder(function).append("\\left(");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(print(args.get(i)).tex());
    }
    return new Printed(sb.append("\\right)").toString(), ATOM);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
