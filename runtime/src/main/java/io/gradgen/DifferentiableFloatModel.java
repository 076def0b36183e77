package io.gradgen;

/**
 * A {@code float} model with its loss, its exact gradient and a fused training step: {@link
 * DifferentiableModel}'s contract in {@code float}. The runtime's trainer, optimizers and weight
 * files work with {@code double} models; a {@code float} model trains with {@link #trainStep}.
 */
public interface DifferentiableFloatModel extends FloatModel {
  /** The loss of one sample. */
  float loss(float[] x, float[] target);

  /**
   * Backpropagation: <em>adds</em> ∂E/∂θ into {@code gradient} and returns the loss E of this
   * sample; allocates nothing.
   */
  float gradient(float[] x, float[] target, float[] gradient);

  /**
   * One step of stochastic gradient descent on one sample: forward, backward and θ ← θ − η·∂E/∂θ
   * in place, fused; allocates nothing. Returns the loss before the step.
   */
  float trainStep(float[] x, float[] target, float learningRate);
}
