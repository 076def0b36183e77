package io.gradgen;

/**
 * A network with {@code float} parameters, inputs and outputs: what a generated model declared
 * with {@code precision = Precision.FLOAT} implements for inference. Its contract is {@link
 * Model}'s, in {@code float}.
 */
public interface FloatModel {
  /**
   * Number of inputs {@code predict} reads.
   *
   * @return number of inputs {@code predict} reads
   */
  int inputCount();

  /**
   * Number of outputs {@code predict} writes.
   *
   * @return number of outputs {@code predict} writes
   */
  int outputCount();

  /**
   * Number of parameters: {@code parameters().size()}.
   *
   * @return number of parameters: {@code parameters().size()}
   */
  int parameterCount();

  /**
   * The live parameters: writes through it change the model. Its flat view follows {@link
   * #layout()}; its storage is one flat block (straight-line models) or one block per weight column
   * (loop models), see {@link FloatParameters}.
   *
   * @return the live parameters: writes through it change the model
   */
  FloatParameters parameters();

  /**
   * The name of parameter {@code index} ({@code layer.w[unit][input]}, {@code layer.b[unit]}).
   *
   * @param index a flat parameter index, from 0 to {@code parameterCount() − 1}
   * @return the name of parameter {@code index} ({@code layer.w[unit][input]}, {@code
   *     layer.b[unit]})
   */
  default String parameterName(int index) {
    return layout().parameterName(index);
  }

  /**
   * The architecture and the layout of {@link #parameters()}.
   *
   * @return the architecture and the layout of {@link #parameters()}
   */
  NetworkLayout layout();

  /**
   * The layer table: name, units, activation, bias and parameter count of every layer, then the
   * totals (see {@link ModelSummary}).
   *
   * @return the layer table, one line per layer, ending with a line break
   */
  default String summary() {
    return ModelSummary.of(getClass().getSimpleName(), layout()).toString();
  }

  /**
   * Forward pass: writes the outputs for input {@code x} into {@code y}; allocates nothing.
   *
   * @param x one sample's inputs
   * @param y receives the outputs
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming it, the actual and
   *     the expected length
   */
  void predict(float[] x, float[] y);

  /**
   * Whether {@code predict}, {@code loss} and {@code gradient}, single and batch, may be called
   * from several threads at once on this instance while nobody writes its parameters, as for
   * {@link Model#isThreadSafe}. Generated models may.
   *
   * @return true if concurrent calls give exactly what the same calls one after another give; false
   *     by default
   */
  default boolean isThreadSafe() {
    return false;
  }
}
