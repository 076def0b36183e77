package io.gradgen;

/**
 * The loss of one sample, over the network's {@code n} outputs {@code o} and targets {@code t}.
 * Each constant is named for the formula it computes.
 */
public enum Loss {
  /** {@code E = ½·Σ(t − o)²}; {@code ∂E/∂o = o − t}. */
  HALF_SUM_SQUARED_ERROR,
  /** {@code E = (1/n)·Σ(t − o)²}; {@code ∂E/∂o = (2/n)·(o − t)}. */
  MEAN_SQUARED_ERROR,
  /** {@code E = Σ(t − o)²}; {@code ∂E/∂o = 2·(o − t)}. */
  SUM_SQUARED_ERROR,
  /**
   * {@code E = −Σ[t·ln o + (1 − t)·ln(1 − o)]}, for {@link Activation#SIGMOID} outputs and targets
   * in [0, 1]. Computed from the logits {@code z} as {@code max(z, 0) − z·t + ln(1 + e^−|z|)}, so
   * it stays finite; the gradient fuses to {@code ∂E/∂z = o − t}.
   */
  BINARY_CROSS_ENTROPY,
  /**
   * {@code E = −Σ t·ln p}, for {@link Activation#SOFTMAX} outputs and targets that sum to 1
   * (one-hot labels or a probability distribution). Computed from the logits {@code z} with
   * log-sum-exp, so it stays finite; the gradient fuses to {@code ∂E/∂z = p − t}.
   */
  CATEGORICAL_CROSS_ENTROPY,
  /**
   * {@code E = Σ_j L(o_j, t_j)} for a {@link Differentiable} static method {@code L(double output,
   * double target)} of the declaration, named by {@link Network#lossFunction()}; its derivative is
   * derived from its body.
   */
  CUSTOM
}
