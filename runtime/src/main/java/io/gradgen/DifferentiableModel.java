package io.gradgen;

/** A model with its loss and the exact gradient of that loss: what training needs. */
public interface DifferentiableModel extends Model {
  /**
   * The loss of one sample.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param target the desired outputs, of length {@link #outputCount()}
   * @throws IllegalArgumentException if an array has the wrong length
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
   * @throws IllegalArgumentException if an array has the wrong length
   */
  double gradient(double[] x, double[] target, double[] gradient);
}
