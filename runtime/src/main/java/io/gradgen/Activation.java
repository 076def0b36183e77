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
   * {@code z > 0 ? z : α·z}, with {@code α} the layer's {@link Dense#slope()} (0.01 by default);
   * derivative 1 or α, taken as α at {@code z = 0}.
   */
  LEAKY_RELU,
  /** {@code z > 0 ? z : e^z − 1} (ELU with α = 1); derivative 1 or {@code e^z}. */
  ELU,
  /**
   * GELU in its tanh form, {@code ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))}, as PyTorch's {@code
   * gelu(approximate='tanh')}.
   */
  GELU,
  /** SiLU (swish with β = 1): {@code z·σ(z)}; derivative {@code σ(z)·(1 + z·(1 − σ(z)))}. */
  SILU,
  /** {@code ln(1 + e^z)}, computed as {@code max(z, 0) + ln(1 + e^−|z|)}; derivative {@code σ(z)}. */
  SOFTPLUS,
  /**
   * {@code max(0, min(1, z/6 + ½))}, PyTorch's {@code hardsigmoid}; derivative 1/6 inside (−3, 3),
   * else 0 (at ±3, the side outside).
   */
  HARD_SIGMOID,
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
