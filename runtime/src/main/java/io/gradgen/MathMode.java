package io.gradgen;

/**
 * Which implementation of {@code tanh} and the sigmoid a {@link Network}'s built-in activations
 * call: {@code java.lang.Math}, or gradgen's polynomial {@link FastMath}.
 */
public enum MathMode {
  /**
   * {@link Math#tanh} and {@code 1 / (1 + Math.exp(−z))}: the JDK's functions, bit for bit what
   * the graph's interpreter and a hand-written network compute. The default.
   */
  EXACT,
  /**
   * {@link FastMath#tanh} and {@link FastMath#sigmoid} wherever the network's generated code
   * computes a tanh or a sigmoid: the {@code TANH} and {@code SIGMOID} activations, GELU's tanh,
   * SiLU's σ, softplus's derivative σ, and {@code Math.tanh} in a custom activation's body. Within
   * 4 ulps (tanh) and 2 ulps (sigmoid) of {@link StrictMath} in double and 1 ulp in float, and
   * several times faster than {@code Math.tanh}, which is not a HotSpot intrinsic on JDK 17.
   * Softmax, ELU and softplus keep {@code Math.exp} (an intrinsic), and the separate gradient
   * classes of {@link Differentiable} methods keep {@code Math}.
   */
  FAST
}
