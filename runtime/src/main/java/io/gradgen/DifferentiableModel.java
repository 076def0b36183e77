package io.gradgen;

/**
 * A model with its loss and the exact gradient of that loss: what training needs.
 *
 * <p>{@link #loss} and {@link #gradient} are safe to call from many threads at once on one
 * instance while nobody writes the parameters (see {@link Model}). Training is not: it writes the
 * parameters. To train in parallel, give each thread its own model (a copy of the parameters) and
 * its own gradient array, let each thread call {@code gradient} on its share of the batch, sum the
 * threads' gradient arrays and apply one optimizer step to the shared parameters; then copy the new
 * parameters into every thread's model before the next batch.
 */
public interface DifferentiableModel extends Model {
  /**
   * The loss of one sample.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param target the desired outputs, of length {@link #outputCount()}
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming it, the actual and
   *     the expected length
   */
  double loss(double[] x, double[] target);

  /**
   * Backpropagation: <em>adds</em> ∂E/∂θ for every parameter θ into {@code gradient} and returns
   * the loss E of this sample. Adding (rather than overwriting) lets a caller sum the gradients of a
   * mini-batch in one array; clear it between steps. Allocates nothing.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param target the desired outputs, of length {@link #outputCount()}
   * @param gradient accumulates ∂E/∂θ, of length {@link #parameterCount()}, same layout as
   *     {@link #parameters()}
   * @return the loss E of this sample
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming it, the actual and
   *     the expected length
   */
  double gradient(double[] x, double[] target, double[] gradient);
}
