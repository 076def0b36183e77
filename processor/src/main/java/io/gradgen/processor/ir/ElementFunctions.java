package io.gradgen.processor.ir;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The scalar functions the tensor rules and losses use besides activations, each built once (so
 * nodes that use them intern) from primitive ops of the scalar IR.
 */
public final class ElementFunctions {
  /** The softmax output above which it is the largest by far: two outputs can never both pass it. */
  private static final double SATURATED = 0.75;

  private static final ElementFunction DIFFERENCE =
      binary("difference", "a − b", "a", "b", (g, v) -> g.sub(v.get(0), v.get(1)));
  private static final ElementFunction SQUARED_ERROR = binary("squared_error", "(o − t)²", "o", "t", (g, v) -> {
    Node err = g.sub(v.get(0), v.get(1));
    g.name(err, "err");
    return g.node(Op.SQUARE, err);
  });
  // Past p = ¾ a softmax output is the one large class, and 1 − p is the sum of the others, which
  // holds the digits that 1 − p computed from the rounded p loses (p = 1 from a logit gap of 37 on).
  private static final ElementFunction SOFTMAX_REST = function("softmax_rest", "p ≤ ¾ ? p : 0", List.of("p"),
      (g, v) -> g.node(Op.IF_GREATER, v.get(0), g.constant(SATURATED), g.constant(0.0), v.get(0)));
  private static final ElementFunction SOFTMAX_SQUARED_ERROR = function("softmax_squared_error",
      "(o − t)², o − t as (1 − t) − rest where o > ¾", List.of("o", "t", "rest"), (g, v) -> {
        Node o = v.get(0);
        Node t = v.get(1);
        Node err = g.node(Op.IF_GREATER, o, g.constant(SATURATED),
            g.sub(g.sub(g.constant(1.0), t), v.get(2)), g.sub(o, t));
        g.name(err, "err");
        return g.node(Op.SQUARE, err);
      });
  private static final ElementFunction SOFTMAX_CROSS_ENTROPY_GATE = function("softmax_cross_entropy_gate",
      "p·Σt − t", List.of("p", "t", "st"), (g, v) -> g.sub(g.mul(v.get(0), v.get(2)), v.get(1)));
  private static final ElementFunction SOFTMAX_GATE = function("softmax_gate", "p·((up − s) − r)",
      List.of("p", "up", "s", "r"), (g, v) -> g.mul(v.get(0), g.sub(g.sub(v.get(1), v.get(2)), v.get(3))));
  // max(z, 0) − z·t is written max(z, 0) for t = 0, max(−z, 0) for t = 1, and z·(1 − t) or −z·t at
  // an infinite z (a float logit past 3.4e38), where ∞ − ∞·t is NaN: the same bits at every finite z
  // and the loss's limit at an infinite one.
  private static final ElementFunction STABLE_BINARY_CROSS_ENTROPY = binary("binary_cross_entropy",
      "max(z, 0) − z·t + ln(1 + e^−|z|)", "z", "t", (g, v) -> {
        Node z = v.get(0);
        Node t = v.get(1);
        Node positivePart = g.node(Op.MAX, z, g.constant(0.0));
        Node limit = g.node(Op.IF_GREATER, z, g.constant(0.0),
            g.mul(z, g.sub(g.constant(1.0), t)), g.neg(g.mul(z, t)));
        Node soft = g.node(Op.IF_EQUAL, g.node(Op.ABS, z), g.constant(Double.POSITIVE_INFINITY), limit,
            g.sub(positivePart, g.mul(z, t)));
        Node linear = g.node(Op.IF_EQUAL, t, g.constant(0.0), positivePart,
            g.node(Op.IF_EQUAL, t, g.constant(1.0), g.node(Op.MAX, g.neg(z), g.constant(0.0)), soft));
        return g.add(linear, g.node(Op.LOG1P, g.node(Op.EXP, g.neg(g.node(Op.ABS, z)))));
      });

  private ElementFunctions() {}

  /** {@code a − b}: the fused cross-entropies' gradient o − t. */
  public static ElementFunction difference() {
    return DIFFERENCE;
  }

  /**
   * {@code p·Σt − t}: ∂/∂z of Σ t·(logsumexp(z) − z), exact for targets of any sum (p − t when they
   * sum to 1).
   */
  public static ElementFunction softmaxCrossEntropyGate() {
    return SOFTMAX_CROSS_ENTROPY_GATE;
  }

  /** {@code (o − t)²}, the term of every squared-error loss. */
  public static ElementFunction squaredError() {
    return SQUARED_ERROR;
  }

  /**
   * {@code p ≤ ¾ ? p : 0}: summed over a softmax's outputs, {@code rest} = 1 − max p wherever max p
   * > ¾ (the sum of the small outputs, each exact to an ulp), where 1 − max p itself rounds to 0.
   */
  public static ElementFunction softmaxRest() {
    return SOFTMAX_REST;
  }

  /**
   * {@code (o − t)²} of a softmax output o: where o > ¾, o − t is {@code (1 − t) − rest} with rest =
   * 1 − o from {@link #softmaxRest}, so a saturated output's error keeps its digits. Its gradient
   * reaches o through rest, so every derivative stays that of (o − t)².
   */
  public static ElementFunction softmaxSquaredError() {
    return SOFTMAX_SQUARED_ERROR;
  }

  /**
   * {@code p·((up − s) − r)} with s = Σ up·p and r = Σ p·(up − s): the softmax gate, element by
   * element. r is s's rounding error (0 in exact arithmetic, as Σ p = 1): where one p is nearly 1,
   * up − s cancels to 0 for it although its δ is not (at z = (50, −50), t = (0, 1): 0 instead of
   * 2e^−100), and subtracting r gives those digits back.
   */
  public static ElementFunction softmaxGate() {
    return SOFTMAX_GATE;
  }

  /** {@code max(z, 0) − z·t + ln(1 + e^−|z|)}: binary cross-entropy from the logit, finite for any z. */
  public static ElementFunction stableBinaryCrossEntropy() {
    return STABLE_BINARY_CROSS_ENTROPY;
  }

  private static ElementFunction binary(
      String name, String formula, String a, String b, BiFunction<Graph, List<Node>, Node> body) {
    return function(name, formula, List.of(a, b), body);
  }

  private static ElementFunction function(
      String name, String formula, List<String> parameters, BiFunction<Graph, List<Node>, Node> body) {
    Graph g = new Graph();
    List<Node> vars = new java.util.ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      vars.add(g.node(Op.VAR, List.of(), 0.0, i));
    }
    return new ElementFunction(name, formula, g, body.apply(g, vars), parameters);
  }
}
