package io.gradgen;

/** The floating-point type of a generated model's parameters, inputs and arithmetic. */
public enum Precision {
  /** {@code double}: the model implements {@link DifferentiableModel}. The default. */
  DOUBLE,
  /**
   * {@code float}: the model implements {@link DifferentiableFloatModel}, takes and returns {@code
   * float[]} and stores {@code float} parameters: half the memory, for devices and large models.
   */
  FLOAT
}
