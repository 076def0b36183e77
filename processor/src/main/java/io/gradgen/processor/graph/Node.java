package io.gradgen.processor.graph;

import java.util.List;

/**
 * One scalar value of the IR: an op applied to argument nodes.
 *
 * <p>Nodes are immutable and interned by their {@link Graph}: two nodes of one graph with the same
 * op, arguments, value and index are the same object, so common sub-expressions are shared for
 * free and identity is equality. {@link #id} is the creation order, which is also a topological
 * order (arguments exist before the nodes that use them).
 */
public final class Node {
  private final int id;
  private final Op op;
  private final List<Node> args;
  private final double value;
  private final int index;

  Node(int id, Op op, List<Node> args, double value, int index) {
    this.id = id;
    this.op = op;
    this.args = List.copyOf(args);
    this.value = value;
    this.index = index;
  }

  /** Creation order within the graph; also a topological order. */
  public int id() {
    return id;
  }

  public Op op() {
    return op;
  }

  public List<Node> args() {
    return args;
  }

  public Node arg(int i) {
    return args.get(i);
  }

  /** The literal of a {@link Op#CONST}; 0 otherwise. */
  public double value() {
    return value;
  }

  /** The array index of a leaf, the component of a {@link Op#SOFTMAX}, or the width of a loss. */
  public int index() {
    return index;
  }

  public boolean isConstant() {
    return op == Op.CONST;
  }

  /** True for a constant equal to {@code c}. */
  public boolean isConstant(double c) {
    return op == Op.CONST && Double.compare(value, c) == 0;
  }

  /** The forward dependencies: all arguments, or only the value argument of a custom gradient. */
  public List<Node> forwardArgs() {
    return op.hasCustomGradient() ? List.of(Op.valueArg(this)) : args;
  }

  /**
   * The arguments a gradient can flow into: all, except the value arguments of a custom-gradient
   * node (whose rule differentiates it as a whole).
   */
  public List<Node> gradientArgs() {
    return switch (op) {
      case SOFTMAX -> args.subList(args.size() / 2, args.size());
      case SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> args.subList(1, args.size());
      default -> args;
    };
  }

  @Override
  public String toString() {
    return switch (op) {
      case CONST -> Double.toString(value);
      case INPUT -> "x[" + index + "]";
      case TARGET -> "t[" + index + "]";
      case PARAM -> "p[" + index + "]";
      case VAR -> "v" + index;
      default -> "%" + id;
    };
  }
}
