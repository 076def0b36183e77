package io.gradgen;

/** Element-wise activation functions of a {@link Dense} layer, with the derivative each uses. */
public enum Activation {
  /** {@code f(z) = z}; {@code f'(z) = 1}. For plain regression outputs. */
  IDENTITY,
  /** {@code s = 1 / (1 + e^-z)}; {@code s' = s·(1 − s)}. For 0..1 outputs and class probabilities. */
  SIGMOID,
  /** {@code t = tanh(z)}; {@code t' = 1 − t²}. For −1..1 outputs. */
  TANH,
  /**
   * {@code max(0, z)}; derivative 1 for {@code z > 0}, else 0 (0 at {@code z = 0}). For
   * non-negative values.
   */
  RELU,
  /**
   * {@code p_i = e^{z_i} / Σ_j e^{z_j}}, computed as {@code e^{z_i − max z}} for stability;
   * {@code ∂p_i/∂z_j = p_i·(δ_ij − p_j)}. Output layer only, for multi-class probabilities.
   */
  SOFTMAX,
  /**
   * A {@link Differentiable} static method of the declaration, named by {@link Dense#function()},
   * taking {@code z} and returning the activation; its derivative is derived from its body.
   */
  CUSTOM
}
