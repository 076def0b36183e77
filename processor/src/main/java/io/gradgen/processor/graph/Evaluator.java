package io.gradgen.processor.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Computes node values numerically, with the same formulas the emitted Java uses.
 *
 * <p>It lets the gate rules and the simplifier be checked against central finite differences
 * without compiling anything.
 */
public final class Evaluator {
  private final double[] x;
  private final double[] t;
  private final double[] p;
  private final double[] vars;
  private final Map<Node, Double> memo = new HashMap<>();

  public Evaluator(double[] x, double[] t, double[] p) {
    this(x, t, p, new double[0]);
  }

  /** An evaluator that also knows the values of {@link Op#VAR} slots. */
  public Evaluator(double[] x, double[] t, double[] p, double[] vars) {
    this.x = x.clone();
    this.t = t.clone();
    this.p = p.clone();
    this.vars = vars.clone();
  }

  /** The value of {@code node} for this evaluator's inputs, targets and parameters. */
  public double value(Node node) {
    Double known = memo.get(node);
    if (known != null) {
      return known;
    }
    double v = compute(node);
    memo.put(node, v);
    return v;
  }

  private double arg(Node node, int i) {
    return value(node.arg(i));
  }

  private double compute(Node n) {
    return switch (n.op()) {
      case CONST -> n.value();
      case INPUT -> x[n.index()];
      case TARGET -> t[n.index()];
      case PARAM -> p[n.index()];
      case VAR -> vars[n.index()];
      case ADD -> {
        double sum = 0.0;
        for (Node a : n.args()) {
          sum += value(a);
        }
        yield sum;
      }
      case SUB -> arg(n, 0) - arg(n, 1);
      case MUL -> arg(n, 0) * arg(n, 1);
      case DIV -> arg(n, 0) / arg(n, 1);
      case NEG -> -arg(n, 0);
      case SQUARE -> arg(n, 0) * arg(n, 0);
      case EXP -> Math.exp(arg(n, 0));
      case LOG -> Math.log(arg(n, 0));
      case LOG1P -> Math.log1p(arg(n, 0));
      case ABS -> Math.abs(arg(n, 0));
      case SIGN -> Math.signum(arg(n, 0));
      case MAX -> Math.max(arg(n, 0), arg(n, 1));
      case MIN -> Math.min(arg(n, 0), arg(n, 1));
      case SQRT -> Math.sqrt(arg(n, 0));
      case POW -> Math.pow(arg(n, 0), arg(n, 1));
      case SIN -> Math.sin(arg(n, 0));
      case COS -> Math.cos(arg(n, 0));
      case SIGMOID -> 1.0 / (1.0 + Math.exp(-arg(n, 0)));
      case TANH -> Math.tanh(arg(n, 0));
      case RELU -> Math.max(0.0, arg(n, 0));
      case IF_POSITIVE -> arg(n, 0) > 0.0 ? arg(n, 1) : 0.0;
      case IF_GREATER_OR_EQUAL -> arg(n, 0) >= arg(n, 1) ? arg(n, 2) : arg(n, 3);
      case IF_GREATER -> arg(n, 0) > arg(n, 1) ? arg(n, 2) : arg(n, 3);
      case IF_EQUAL -> arg(n, 0) == arg(n, 1) ? arg(n, 2) : arg(n, 3);
      case SOFTMAX, SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> value(Op.valueArg(n));
    };
  }
}
