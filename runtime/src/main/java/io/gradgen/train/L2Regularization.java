package io.gradgen.train;

import io.gradgen.NetworkLayout;

/**
 * L2 regularization (weight decay): the objective becomes loss + λ/2·‖w‖² (docs/SEEDS.md §5), which
 * adds λ·w to each regularized parameter's gradient and keeps the weights small against
 * over-fitting.
 *
 * @param lambda λ, finite and at least 0; 0 turns regularization off
 * @param includeBiases whether biases are regularized too; by default (see {@link #of}) they are
 *     not, since a bias does not make the model more complex
 */
public record L2Regularization(double lambda, boolean includeBiases) {
  /** No regularization. */
  public static final L2Regularization NONE = new L2Regularization(0, false);

  /**
   * Checks λ.
   *
   * @param lambda λ, finite and at least 0; 0 turns regularization off
   * @param includeBiases whether biases are regularized too; by default (see {@link #of}) they are
   *     not, since a bias does not make the model more complex
   */
  public L2Regularization {
    if (!(lambda >= 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be finite and at least 0, but is " + lambda);
    }
  }

  /**
   * λ on the weights only.
   *
   * @param lambda the regularization strength λ
   * @return λ on the weights only
   */
  public static L2Regularization of(double lambda) {
    return new L2Regularization(lambda, false);
  }

  /**
   * The same λ, applied to the biases as well.
   *
   * @return the same λ, applied to the biases as well
   */
  public L2Regularization includingBiases() {
    return new L2Regularization(lambda, true);
  }

  /**
   * The indices of the parameters of {@code layout} that this regularization applies to.
   *
   * @param layout the network's layout
   * @return the indices of the parameters of {@code layout} that this regularization applies to
   */
  public int[] indices(NetworkLayout layout) {
    if (lambda == 0) {
      return new int[0];
    }
    int count = 0;
    int[] all = new int[layout.parameterCount()];
    for (int i = 0; i < all.length; i++) {
      if (includeBiases || !layout.isBias(i)) {
        all[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(all, count);
  }

  /**
   * λ/2·Σ θᵢ² over {@code indices}.
   *
   * @param parameters the parameters, in flat order
   * @param indices the indices of the regularized parameters, as {@link #indices} gives them
   * @return λ/2·Σ θᵢ² over {@code indices}
   */
  public double penalty(double[] parameters, int[] indices) {
    double sum = 0;
    for (int i : indices) {
      sum += parameters[i] * parameters[i];
    }
    return 0.5 * lambda * sum;
  }

  /**
   * Adds λ·θᵢ to {@code gradient[i]} for every i in {@code indices}. Allocates nothing.
   *
   * @param parameters the parameters, in flat order
   * @param gradient the gradient that the penalty's gradient is added into
   * @param indices the indices of the regularized parameters, as {@link #indices} gives them
   */
  public void addGradient(double[] parameters, double[] gradient, int[] indices) {
    for (int i : indices) {
      gradient[i] += lambda * parameters[i];
    }
  }
}
