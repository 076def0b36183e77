package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Bias;

/**
 * One {@code @Dense} layer as declared (checked by the {@link Validator} before use).
 *
 * @param function for a {@link Activation#CUSTOM} activation, the differentiable method's name
 */
public record LayerSpec(String name, int units, Activation activation, Bias bias, String function) {
  /** A layer with a built-in activation. */
  public LayerSpec(String name, int units, Activation activation, Bias bias) {
    this(name, units, activation, bias, "");
  }
}
