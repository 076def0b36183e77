package io.gradgen;

/**
 * A {@code float} model with its loss, its exact gradient, a fused training step and their batch
 * forms: {@link DifferentiableModel}'s contract in {@code float}. The runtime's trainer, optimizers
 * and weight files work with {@code double} models; a {@code float} model trains with {@code
 * trainStep}, one sample or a mini-batch at a time.
 */
public interface DifferentiableFloatModel extends FloatModel {
  /**
   * The loss of one sample.
   *
   * @param x one sample's inputs
   * @param target the sample's targets
   * @return the loss of one sample
   */
  float loss(float[] x, float[] target);

  /**
   * Backpropagation: <em>adds</em> ∂E/∂θ into {@code gradient} and returns the loss E of this
   * sample; allocates nothing.
   *
   * @param x one sample's inputs
   * @param target the sample's targets
   * @param gradient the array that ∂E/∂θ is added into, one element per parameter
   * @return the loss E of this sample
   */
  float gradient(float[] x, float[] target, float[] gradient);

  /**
   * One step of stochastic gradient descent on one sample: forward, backward and θ ← θ − η·∂E/∂θ
   * in place, fused; allocates nothing. Returns the loss before the step.
   *
   * @param x one sample's inputs
   * @param target the sample's targets
   * @param learningRate the learning rate η, finite (generated models refuse NaN and ∞ with an
   *     {@code IllegalArgumentException})
   * @return the loss of the sample before the step
   */
  float trainStep(float[] x, float[] target, float learningRate);

  /**
   * Forward pass over {@code count} samples stored row after row: sample n reads {@code
   * xs[xOffset + n·inputCount() …]} and writes {@code ys[yOffset + n·outputCount() …]}. Generated
   * models allocate nothing here.
   *
   * @param xs the samples' inputs, one row of {@code inputCount()} values after another
   * @param xOffset the index in {@code xs} of the first sample's first input
   * @param ys receives the outputs, one row of {@code outputCount()} values per sample
   * @param yOffset the index in {@code ys} of the first sample's first output
   * @param count the number of samples
   * @throws IllegalArgumentException if an offset or count is negative or the rows do not fit in
   *     their array, naming it
   */
  default void predict(float[] xs, int xOffset, float[] ys, int yOffset, int count) {
    Batches.check("xs", xs, xOffset, count, inputCount());
    Batches.check("ys", ys, yOffset, count, outputCount());
    float[] x = new float[inputCount()];
    float[] y = new float[outputCount()];
    for (int n = 0; n < count; n++) {
      System.arraycopy(xs, xOffset + n * x.length, x, 0, x.length);
      predict(x, y);
      System.arraycopy(y, 0, ys, yOffset + n * y.length, y.length);
    }
  }

  /**
   * Backpropagation over {@code count} samples stored row after row (see {@link #predict(float[],
   * int, float[], int, int)}): <em>adds</em> the sum of their gradients into {@code gradient} and
   * returns the sum of their losses. Generated models allocate nothing here.
   *
   * @param xs the samples' inputs, one row of {@code inputCount()} values after another
   * @param xOffset the index in {@code xs} of the first sample's first input
   * @param ts the samples' targets, one row of {@code outputCount()} values after another
   * @param tOffset the index in {@code ts} of the first sample's first target
   * @param count the number of samples
   * @param gradient the array that ∂E/∂θ is added into, one element per parameter
   * @return the sum of their losses
   */
  default float gradient(float[] xs, int xOffset, float[] ts, int tOffset, int count, float[] gradient) {
    Batches.check("xs", xs, xOffset, count, inputCount());
    Batches.check("ts", ts, tOffset, count, outputCount());
    float[] x = new float[inputCount()];
    float[] t = new float[outputCount()];
    float loss = 0.0f;
    for (int n = 0; n < count; n++) {
      System.arraycopy(xs, xOffset + n * x.length, x, 0, x.length);
      System.arraycopy(ts, tOffset + n * t.length, t, 0, t.length);
      loss += gradient(x, t, gradient);
    }
    return loss;
  }

  /**
   * One step of mini-batch gradient descent: θ ← θ − η·(1/count)·Σ ∂E_n/∂θ over {@code count}
   * samples stored row after row, applied to {@link #parameters()} in place. Returns the mean loss
   * before the step. Generated models allocate nothing here.
   *
   * @param xs the samples' inputs, one row of {@code inputCount()} values after another
   * @param xOffset the index in {@code xs} of the first sample's first input
   * @param ts the samples' targets, one row of {@code outputCount()} values after another
   * @param tOffset the index in {@code ts} of the first sample's first target
   * @param count the number of samples
   * @param learningRate the learning rate η, finite
   * @return the mean loss of the samples before the step
   * @throws IllegalArgumentException if {@code count} is below 1 or {@code learningRate} is NaN or
   *     infinite
   */
  default float trainStep(float[] xs, int xOffset, float[] ts, int tOffset, int count, float learningRate) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but is " + count);
    }
    if (!Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite, but is " + learningRate);
    }
    float[] grad = new float[parameterCount()];
    float loss = gradient(xs, xOffset, ts, tOffset, count, grad);
    float[] p = parameters().toArray();
    float scale = learningRate / count;
    for (int i = 0; i < grad.length; i++) {
      p[i] -= scale * grad[i];
    }
    parameters().copyFrom(p);
    return loss / count;
  }
}
