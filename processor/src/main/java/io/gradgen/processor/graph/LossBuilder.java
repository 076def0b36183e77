package io.gradgen.processor.graph;

import io.gradgen.Activation;
import io.gradgen.processor.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds the loss node of a network from its output logits {@code z} and outputs {@code o}. */
final class LossBuilder {
  private final Graph g;
  private final NetworkSpec spec;
  private final SoftmaxParts softmax;

  LossBuilder(Graph g, NetworkSpec spec, SoftmaxParts softmax) {
    this.g = g;
    this.spec = spec;
    this.softmax = softmax;
  }

  Node build(List<Node> z, List<Node> o) {
    Node loss =
        switch (spec.loss()) {
          case HALF_SUM_SQUARED_ERROR -> g.mul(g.constant(0.5), sumOfSquares(o));
          case MEAN_SQUARED_ERROR -> o.size() == 1
              ? sumOfSquares(o)
              : g.mul(g.constant(1.0 / o.size()), sumOfSquares(o));
          case SUM_SQUARED_ERROR -> sumOfSquares(o);
          case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(z, o);
          case CATEGORICAL_CROSS_ENTROPY -> categoricalCrossEntropy(z, o);
          case CUSTOM -> custom(o);
        };
    g.rename(loss, "E");
    g.note(loss, "loss: " + formula());
    return loss;
  }

  private String formula() {
    return switch (spec.loss()) {
      case HALF_SUM_SQUARED_ERROR -> "E = ½·Σ(t − o)²";
      case MEAN_SQUARED_ERROR -> "E = (1/" + spec.outputs() + ")·Σ(t − o)²";
      case SUM_SQUARED_ERROR -> "E = Σ(t − o)²";
      case BINARY_CROSS_ENTROPY -> "E = −Σ[t·ln o + (1 − t)·ln(1 − o)],"
          + " as Σ[max(z, 0) − z·t + ln(1 + e^−|z|)]";
      case CATEGORICAL_CROSS_ENTROPY -> "E = −Σ t·ln p, as Σ t·((max z − z) + ln Σ e^(z − max z))";
      case CUSTOM -> "E = Σ " + spec.lossFunction() + "(o, t)";
    };
  }

  /** {@code Σ_j L(o_j, t_j)} with the body of the declaration's loss function inlined. */
  private Node custom(List<Node> o) {
    List<Node> terms = new ArrayList<>();
    for (int j = 0; j < o.size(); j++) {
      terms.add(FunctionGraphBuilder.inline(
          g, spec.functions().get(spec.lossFunction()), spec.functions(), List.of(o.get(j), g.target(j)),
          spec.lossFunction() + j + "_"));
    }
    return g.add(terms);
  }

  /** {@code Σ (o_j − t_j)²}: the sign inside the square does not matter, and o − t is ∂/∂o. */
  private Node sumOfSquares(List<Node> o) {
    List<Node> squares = new ArrayList<>();
    for (int j = 0; j < o.size(); j++) {
      Node err = g.sub(o.get(j), g.target(j));
      g.name(err, "err" + j);
      g.note(err, errorNote(j));
      squares.add(g.node(Op.SQUARE, err));
    }
    return g.add(squares);
  }

  private String errorNote(int j) {
    boolean identity = spec.outputLayer().activation() == Activation.IDENTITY;
    String o = spec.outputLayer().name() + (identity ? "_z" : "_a") + j;
    return switch (spec.loss()) {
      case HALF_SUM_SQUARED_ERROR -> "error o − t of output " + j + "; for E = ½·Σ(t − o)² it is also ∂E/∂" + o;
      default -> "error o − t of output " + j;
    };
  }

  private Node binaryCrossEntropy(List<Node> z, List<Node> o) {
    List<Node> terms = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node zj = z.get(j);
      Node t = g.target(j);
      // max(z, 0) − z·t + ln(1 + e^−|z|): the exponent is never positive, so it cannot overflow.
      Node stable =
          g.add(
              g.sub(g.node(Op.MAX, zj, g.constant(0.0)), g.mul(zj, t)),
              g.node(Op.LOG1P, g.node(Op.EXP, g.neg(g.node(Op.ABS, zj)))));
      terms.add(g.node(Op.SIGMOID_CROSS_ENTROPY, List.of(stable, zj, o.get(j), t), 0.0, 0));
    }
    return g.add(terms);
  }

  private Node categoricalCrossEntropy(List<Node> z, List<Node> p) {
    // The softmax layer already computed m = max z and s = Σ e^{z − m}: −ln p_j = (m − z_j) + ln s.
    // Not (m + ln s) − z_j: where the correct class has the largest logit, its loss ln s is far
    // below one ulp of m, and adding m first would lose it (at z = (1000, 970): 21 % off).
    Node logSum = g.node(Op.LOG, softmax.sum());
    g.name(logSum, spec.outputLayer().name() + "_logsum");
    List<Node> terms = new ArrayList<>();
    List<Node> targets = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node t = g.target(j);
      targets.add(t);
      terms.add(g.mul(t, g.add(g.sub(softmax.max(), z.get(j)), logSum)));
    }
    List<Node> args = new ArrayList<>();
    args.add(g.add(terms));
    args.addAll(z);
    args.addAll(p);
    args.addAll(targets);
    return g.node(Op.SOFTMAX_CROSS_ENTROPY, args, 0.0, z.size());
  }
}
