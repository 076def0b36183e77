package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Bias;

/** One {@code @Dense} layer as declared (checked by the {@link Validator} before use). */
public record LayerSpec(String name, int units, Activation activation, Bias bias) {

  /** Number of bias parameters this layer owns. */
  public int biasCount() {
    return switch (bias) {
      case PER_NEURON -> units;
      case SHARED -> 1;
      case NONE -> 0;
    };
  }
}
