package io.gradgen.processor.ir;

/**
 * The closed set of tensor operations of the network IR. A node of each op has a static {@link
 * Shape}; the comment of each constant gives its arguments and result.
 *
 * <p>Element-wise ops ({@link #MAP}, {@link #ZIP}) carry an {@link ElementFunction}: a scalar body
 * in the scalar graph of {@code io.gradgen.processor.graph}, differentiated by the scalar gate rules.
 * So a built-in activation, a custom {@code @Differentiable} activation and a loss term are one op.
 */
public enum TensorOp {
  /** The network's input {@code x}, a vector. */
  INPUT(Kind.LEAF),
  /** The target {@code t}, a vector of the outputs' size. */
  TARGET(Kind.LEAF),
  /** A layer's weight matrix {@code W[units][inputs]}; a parameter. */
  WEIGHTS(Kind.LEAF),
  /** A layer's biases: a vector (one per unit) or a scalar (shared by the layer); a parameter. */
  BIAS(Kind.LEAF),
  /** A scalar literal. */
  CONSTANT(Kind.LEAF),

  /** {@code W·x}: matrix [u][n] times vector [n] gives [u]. */
  MATVEC(Kind.DIFFERENTIABLE),
  /** {@code Wᵀ·d}: matrix [u][n] transposed times vector [u] gives [n]. */
  MATVEC_T(Kind.DIFFERENTIABLE),
  /** {@code a·bᵀ}: vectors [u] and [n] give the matrix [u][n]. */
  OUTER(Kind.DIFFERENTIABLE),
  /** {@code a + b}, element by element, same shapes. */
  ADD(Kind.DIFFERENTIABLE),
  /** {@code a ⊙ b}, element by element, same shapes (two scalars: their product). */
  MUL(Kind.DIFFERENTIABLE),
  /** A scalar repeated into a vector of the node's shape. */
  BROADCAST(Kind.DIFFERENTIABLE),
  /** {@code Σ v}: the sum of a vector's elements, a scalar. */
  SUM(Kind.DIFFERENTIABLE),
  /** {@code f(v)} element by element, for a scalar function f of one argument. */
  MAP(Kind.DIFFERENTIABLE),
  /** {@code f(a, b, …)} element by element over same-shape operands. */
  ZIP(Kind.DIFFERENTIABLE),
  /** {@code softmax(z)}: {@code e^{z_j − max z} / Σ e^{z − max z}}. */
  SOFTMAX(Kind.DIFFERENTIABLE),
  /**
   * Softmax and categorical cross-entropy fused, from the logits: {@code Σ t·(logsumexp(z) − z)}, a
   * scalar. Arguments (z, t, p): p = softmax(z) is not read forward, only by the rule.
   */
  SOFTMAX_CROSS_ENTROPY(Kind.DIFFERENTIABLE),
  /**
   * Sigmoid and binary cross-entropy fused, from the logits: {@code Σ max(z, 0) − z·t + ln(1 +
   * e^−|z|)}, a scalar; its element function is that stable term. Arguments (z, t, o): o = σ(z) is
   * not read forward, only by the rule.
   */
  SIGMOID_CROSS_ENTROPY(Kind.DIFFERENTIABLE),
  /**
   * The delta rule as an epilogue of the training step: {@code θ − η·g}. Arguments (θ, g); it is
   * appended after differentiation, after θ's last reader, and has no rule of its own.
   */
  UPDATE(Kind.EPILOGUE),

  /** {@code W·X}: matrix [u][n] times the batch's [n][rows] gives [u][rows]. Batch graphs only. */
  MATMUL(Kind.BATCH),
  /** {@code Wᵀ·D}: matrix [u][n] transposed times [u][rows] gives [n][rows]. Batch graphs only. */
  MATMUL_T(Kind.BATCH),
  /** {@code A·Bᵀ}: [u][rows] times [n][rows] transposed gives [u][n], the outer products summed over the rows. */
  MATMUL_NT(Kind.BATCH),
  /** A per-unit vector [u] repeated for every row: [u][rows]. Batch graphs only. */
  ROW_BROADCAST(Kind.BATCH),
  /** A per-row vector [rows] repeated for every unit: [u][rows]. Batch graphs only. */
  COLUMN_BROADCAST(Kind.BATCH),
  /** Σ over the units of each row: [u][rows] gives [rows]. Batch graphs only. */
  COLUMN_SUM(Kind.BATCH),
  /** Σ over the rows: [u][rows] gives [u]. Batch graphs only. */
  ROW_SUM(Kind.BATCH);

  /** What differentiation does with an op. */
  public enum Kind {
    /** A leaf: the backward pass ends here. */
    LEAF,
    /** An op with a vector-Jacobian rule in {@link TensorRules}. */
    DIFFERENTIABLE,
    /** Appended to the differentiated graph; never differentiated. */
    EPILOGUE,
    /** An op of the batch form of a differentiated graph ({@link BatchAxis}); never differentiated. */
    BATCH
  }

  private final Kind kind;

  TensorOp(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True for parameters: the leaves the gradient is taken with respect to. */
  public boolean isParameter() {
    return this == WEIGHTS || this == BIAS;
  }
}
