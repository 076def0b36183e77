package io.gradgen.processor.ir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the tensor IR: an op applied to argument nodes, with a static shape.
 *
 * <p>Nodes are immutable and interned by their {@link TensorGraph}, so identity is equality and a
 * value built twice is shared; {@link #id} is the creation order, a topological order.
 */
public final class Tensor {
  private final int id;
  private final TensorOp op;
  private final Shape shape;
  private final List<Tensor> args;
  private final int layer;
  private final double value;
  private final ElementFunction function;

  Tensor(int id, TensorOp op, Shape shape, List<Tensor> args, int layer, double value, ElementFunction function) {
    this.id = id;
    this.op = Objects.requireNonNull(op);
    this.shape = Objects.requireNonNull(shape);
    this.args = List.copyOf(args);
    this.layer = layer;
    this.value = value;
    this.function = function;
  }

  /** Creation order within the graph; also a topological order. */
  public int id() {
    return id;
  }

  public TensorOp op() {
    return op;
  }

  public Shape shape() {
    return shape;
  }

  public List<Tensor> args() {
    return args;
  }

  public Tensor arg(int i) {
    return args.get(i);
  }

  /** The layer a {@link TensorOp#WEIGHTS} or {@link TensorOp#BIAS} leaf belongs to; −1 otherwise. */
  public int layer() {
    return layer;
  }

  /** The literal of a {@link TensorOp#CONSTANT}; 0 otherwise. */
  public double value() {
    return value;
  }

  /** The scalar function of a {@link TensorOp#MAP}, {@link TensorOp#ZIP} or {@link TensorOp#SIGMOID_CROSS_ENTROPY}. */
  public Optional<ElementFunction> function() {
    return Optional.ofNullable(function);
  }

  /** The scalar function, for an op that always has one. */
  public ElementFunction fn() {
    if (function == null) {
      throw new IllegalStateException(op + " has no element function");
    }
    return function;
  }

  /** True for a constant equal to {@code c}. */
  public boolean isConstant(double c) {
    return op == TensorOp.CONSTANT && Double.compare(value, c) == 0;
  }

  @Override
  public String toString() {
    return "%" + id;
  }
}
