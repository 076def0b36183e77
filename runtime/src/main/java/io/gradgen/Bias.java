package io.gradgen;

/** The shape of a {@link Dense} layer's bias. */
public enum Bias {
  /** One bias per neuron (the usual layer). */
  PER_NEURON,
  /**
   * One bias shared by every neuron of the layer. Its gradient is the sum of the gradients of all
   * the neurons it feeds (fan-out sums).
   */
  SHARED,
  /** No bias: {@code z = W·a}. */
  NONE
}
