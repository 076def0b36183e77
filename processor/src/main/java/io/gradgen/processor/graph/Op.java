package io.gradgen.processor.graph;

/**
 * The closed set of scalar operations of the IR.
 *
 * <p>Every node computes one {@code double}. A dense layer is many such nodes, so a hand-written
 * scalar expression and a layer share one IR and one set of gate rules.
 *
 * <p>Three ops carry a <em>custom gradient</em>: their forward value is one of their own arguments
 * (a numerically stable expression built from primitive ops), and their gate rule gives the
 * textbook derivative directly instead of differentiating that expression. {@link #valueArg}
 * names the argument.
 */
public enum Op {
  /** A literal; {@link Node#value()} holds it. */
  CONST(0),
  /** Input {@code x[index]}. */
  INPUT(0),
  /** Target {@code t[index]}. */
  TARGET(0),
  /** Parameter {@code p[index]}. */
  PARAM(0),
  /**
   * A named value of a differentiable function (an argument, an array element, a field): slot
   * {@code index} of the function's variable table, which says how to print it.
   */
  VAR(0),

  /** {@code a + b + …}, two or more arguments. */
  ADD(-1),
  /** {@code a − b}. */
  SUB(2),
  /** {@code a · b}. */
  MUL(2),
  /** {@code a / b}. */
  DIV(2),
  /** {@code −a}. */
  NEG(1),
  /** {@code a²}. */
  SQUARE(1),

  /** {@code e^a}. */
  EXP(1),
  /** {@code ln a}. */
  LOG(1),
  /** {@code ln(1 + a)}. */
  LOG1P(1),
  /** {@code |a|}. */
  ABS(1),
  /** {@code sign(a)}: −1, 0 or 1. */
  SIGN(1),
  /** {@code max(a, b)}. */
  MAX(2),
  /** {@code min(a, b)}. */
  MIN(2),
  /** {@code √a}. */
  SQRT(1),
  /** {@code a^b}. */
  POW(2),
  /** {@code sin a}. */
  SIN(1),
  /** {@code cos a}. */
  COS(1),

  /** {@code 1 / (1 + e^−a)}. */
  SIGMOID(1),
  /** {@code tanh a}. */
  TANH(1),
  /** {@code max(0, a)}. */
  RELU(1),

  /** {@code c > 0 ? v : 0}, arguments (c, v). */
  IF_POSITIVE(2),
  /** {@code a >= b ? x : y}, arguments (a, b, x, y). */
  IF_GREATER_OR_EQUAL(4),
  /** {@code a > b ? x : y}, arguments (a, b, x, y). */
  IF_GREATER(4),
  /** {@code a == b ? x : y}, arguments (a, b, x, y). */
  IF_EQUAL(4),

  /**
   * Component {@code index} of a softmax over {@code n} logits. Arguments: the stable values
   * {@code v_0 … v_{n−1}} ({@code e^{z_j − max z} / Σ e^{z − max z}}), then the logits
   * {@code z_0 … z_{n−1}}. Forward value: {@code v_index}. Custom gradient.
   */
  SOFTMAX(-1),
  /**
   * Categorical cross-entropy fused with softmax. Arguments: the stable value
   * {@code Σ t_i·(logsumexp(z) − z_i)}, the logits {@code z}, the softmax outputs {@code p}, the
   * targets {@code t} ({@code n} each; {@code index} = n). Custom gradient: {@code p − t}.
   */
  SOFTMAX_CROSS_ENTROPY(-1),
  /**
   * Binary cross-entropy of one sigmoid output, fused. Arguments: the stable value
   * {@code max(z, 0) − z·t + ln(1 + e^−|z|)}, the logit {@code z}, the output {@code o}, the target
   * {@code t}. Custom gradient: {@code o − t}.
   */
  SIGMOID_CROSS_ENTROPY(4);

  private final int arity;

  Op(int arity) {
    this.arity = arity;
  }

  /** Number of arguments, or −1 when it varies. */
  public int arity() {
    return arity;
  }

  /** True for the ops without arguments. */
  public boolean isLeaf() {
    return arity == 0;
  }

  /** True for the ops whose forward value is one of their arguments (see {@link #valueArg}). */
  public boolean hasCustomGradient() {
    return this == SOFTMAX || this == SOFTMAX_CROSS_ENTROPY || this == SIGMOID_CROSS_ENTROPY;
  }

  /**
   * For a custom-gradient node, the argument that holds its forward value; the node depends on
   * no other argument when it is computed.
   */
  public static Node valueArg(Node node) {
    return switch (node.op()) {
      case SOFTMAX -> node.arg(node.index());
      case SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> node.arg(0);
      default -> throw new IllegalArgumentException(node.op() + " has no custom gradient");
    };
  }
}
