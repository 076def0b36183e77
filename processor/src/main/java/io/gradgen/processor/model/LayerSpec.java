package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.UnitLoop;

/**
 * One {@code @Dense} layer as declared (checked by the {@link Validator} before use).
 *
 * @param function for a {@link Activation#CUSTOM} activation, the differentiable method's name
 * @param slope for {@link Activation#LEAKY_RELU}, the slope for z ≤ 0
 * @param unitLoop how loop code runs over the layer's units (a schedule choice)
 */
public record LayerSpec(
    String name, int units, Activation activation, Bias bias, String function, double slope, UnitLoop unitLoop) {
  /** The slope of a leaky ReLU when the declaration gives none. */
  public static final double DEFAULT_SLOPE = 0.01;

  /** A layer with the default unit loop. */
  public LayerSpec(String name, int units, Activation activation, Bias bias, String function, double slope) {
    this(name, units, activation, bias, function, slope, UnitLoop.AUTO);
  }

  /** A layer with the default slope. */
  public LayerSpec(String name, int units, Activation activation, Bias bias, String function) {
    this(name, units, activation, bias, function, DEFAULT_SLOPE);
  }

  /** The same layer with another unit loop. */
  public LayerSpec withUnitLoop(UnitLoop loop) {
    return new LayerSpec(name, units, activation, bias, function, slope, loop);
  }

  /** A layer with a built-in activation. */
  public LayerSpec(String name, int units, Activation activation, Bias bias) {
    this(name, units, activation, bias, "");
  }
}
