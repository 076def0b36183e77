package io.gradgen;

/** How gradgen shapes the generated forward and backward code of a {@link Network}. */
public enum CodeShape {
  /**
   * Straight-line code while the generated {@code gradient} method stays within HotSpot's
   * 8,000-byte JIT limit (estimated at compile time), loops past it, for double and float models
   * alike. The default.
   */
  AUTO,
  /**
   * Every operation a statement of its own, every value a named local: the fastest form for small
   * networks and the most readable. Limited by Java's 64 KB method size.
   */
  STRAIGHT_LINE,
  /**
   * Constant-bound loops over each layer's weight columns, one small method per layer: any size, in
   * either precision, built-in and custom activations and losses alike. The intermediate values
   * live in scratch arrays from a {@link ScratchPool}, one set per call running at once.
   */
  LOOPS
}
