package io.gradgen;

/**
 * A network with its parameters: what every generated model implements for inference.
 *
 * <p>Parameters live in one flat array; the generated class's Javadoc documents which index holds
 * which weight or bias. {@link #predict} allocates nothing. An instance is not synchronized: many
 * threads may call {@code predict} at once only while no thread changes the parameters.
 */
public interface Model {
  /** Number of inputs {@code predict} reads. */
  int inputCount();

  /** Number of outputs {@code predict} writes. */
  int outputCount();

  /** Length of {@link #parameters()}. */
  int parameterCount();

  /**
   * The live parameter array, in the documented layout: writes to it change the model. Optimizers
   * update it in place.
   */
  double[] parameters();

  /**
   * The name of parameter {@code index}, as {@code layer.w[unit][input]}, {@code layer.b[unit]} or
   * {@code layer.b} (shared bias).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < parameterCount()}
   */
  default String parameterName(int index) {
    return layout().parameterName(index);
  }

  /** The architecture and the layout of {@link #parameters()}. */
  NetworkLayout layout();

  /**
   * Forward pass: writes the outputs for input {@code x} into {@code y}.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param y receives the outputs, of length {@link #outputCount()}
   * @throws IllegalArgumentException if an array has the wrong length
   */
  void predict(double[] x, double[] y);
}
