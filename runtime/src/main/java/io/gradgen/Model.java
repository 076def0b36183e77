package io.gradgen;

/**
 * A network with its parameters: what every generated model implements for inference.
 *
 * <p>Parameters are reached through {@link #parameters()}: a flat view in the order of {@link
 * #layout()} (the generated class's Javadoc lists which index holds which weight or bias), over the
 * storage the model computes with. {@link #predict} allocates nothing.
 *
 * <h2>Threads</h2>
 *
 * {@link #predict} (and {@code loss} and {@code gradient} of a {@link DifferentiableModel}) only
 * read the parameters and write the caller's arrays; they keep no state in the instance. So any
 * number of threads may call them on one instance at once, each with its own output arrays, and
 * get exactly the single-threaded results, <em>as long as no thread writes the parameters</em>
 * meanwhile. Writing the parameters (training, an optimizer step, {@code WeightFile.load}, an
 * initializer, writes through {@link #parameters()}) is not synchronized: do it while no other
 * thread uses the instance, and publish the result safely (e.g. hand the model over through a
 * {@code java.util.concurrent} queue or a {@code volatile} field) before threads predict again.
 */
public interface Model {
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
   * (loop models), see {@link Parameters}.
   *
   * @return the live parameters: writes through it change the model
   */
  Parameters parameters();

  /**
   * The name of parameter {@code index}, as {@code layer.w[unit][input]}, {@code layer.b[unit]} or
   * {@code layer.b} (shared bias).
   *
   * @param index a flat parameter index, from 0 to {@code parameterCount() − 1}
   * @return the name of parameter {@code index}, as {@code layer.w[unit][input]}, {@code
   *     layer.b[unit]} or {@code layer.b} (shared bias)
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < parameterCount()}
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
    return ModelSummary.of(this).toString();
  }

  /**
   * Forward pass: writes the outputs for input {@code x} into {@code y}.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param y receives the outputs, of length {@link #outputCount()}
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming the parameter, the
   *     actual and the expected length
   */
  void predict(double[] x, double[] y);

  /**
   * Whether {@code predict}, {@code loss} and {@code gradient}, single and batch, may be called
   * from several threads at once on this instance while nobody writes its parameters. Generated
   * models may (they keep no state of a call in the instance); the trainer splits a mini-batch
   * across threads only for a model that says so. The fused {@code trainStep} writes the
   * parameters and is never thread-safe.
   *
   * @return true if concurrent calls give exactly what the same calls one after another give; false
   *     by default
   */
  default boolean isThreadSafe() {
    return false;
  }
}
