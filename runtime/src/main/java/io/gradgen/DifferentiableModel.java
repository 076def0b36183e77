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
   * @return the loss of one sample
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming it, the actual and
   *     the expected length
   */
  double loss(double[] x, double[] target);

  /**
   * Backpropagation: <em>adds</em> ∂E/∂θ for every parameter θ into {@code gradient} and returns
   * the loss E of this sample. Adding (rather than overwriting) lets a caller sum the gradients of
   * a
   * mini-batch in one array; clear it between steps. Allocates nothing.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param target the desired outputs, of length {@link #outputCount()}
   * @param gradient accumulates ∂E/∂θ, of length {@link #parameterCount()}, in the order of the
   *     flat view of {@link #parameters()}
   * @return the loss E of this sample
   * @throws NullPointerException naming the parameter if an array is null
   * @throws IllegalArgumentException if an array has the wrong length, naming it, the actual and
   *     the expected length
   */
  double gradient(double[] x, double[] target, double[] gradient);

  /**
   * One step of stochastic gradient descent on one sample, fused into one pass: forward, backward
   * and the delta rule θ ← θ − η·∂E/∂θ applied to {@link #parameters()} in place. Generated models
   * allocate nothing here; this default implementation, for hand-written models, allocates a
   * gradient array.
   *
   * @param x the inputs, of length {@link #inputCount()}
   * @param target the desired outputs, of length {@link #outputCount()}
   * @param learningRate η, finite
   * @return the loss E of this sample before the step
   * @throws IllegalArgumentException if {@code learningRate} is NaN or infinite
   */
  default double trainStep(double[] x, double[] target, double learningRate) {
    if (!Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite, but is " + learningRate);
    }
    double[] grad = new double[parameterCount()];
    double loss = gradient(x, target, grad);
    double[] p = parameters().toArray();
    for (int i = 0; i < grad.length; i++) {
      p[i] -= learningRate * grad[i];
    }
    parameters().copyFrom(p);
    return loss;
  }

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
  default void predict(double[] xs, int xOffset, double[] ys, int yOffset, int count) {
    Batches.check("xs", xs, xOffset, count, inputCount());
    Batches.check("ys", ys, yOffset, count, outputCount());
    double[] x = new double[inputCount()];
    double[] y = new double[outputCount()];
    for (int n = 0; n < count; n++) {
      System.arraycopy(xs, xOffset + n * x.length, x, 0, x.length);
      predict(x, y);
      System.arraycopy(y, 0, ys, yOffset + n * y.length, y.length);
    }
  }

  /**
   * Backpropagation over {@code count} samples stored row after row (see {@link #predict(double[],
   * int, double[], int, int)}): <em>adds</em> the sum of their gradients into {@code gradient} and
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
  default double gradient(double[] xs, int xOffset, double[] ts, int tOffset, int count, double[] gradient) {
    Batches.check("xs", xs, xOffset, count, inputCount());
    Batches.check("ts", ts, tOffset, count, outputCount());
    double[] x = new double[inputCount()];
    double[] t = new double[outputCount()];
    double loss = 0.0;
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
  default double trainStep(double[] xs, int xOffset, double[] ts, int tOffset, int count, double learningRate) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but is " + count);
    }
    if (!Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite, but is " + learningRate);
    }
    double[] grad = new double[parameterCount()];
    double loss = gradient(xs, xOffset, ts, tOffset, count, grad);
    double[] p = parameters().toArray();
    double scale = learningRate / count;
    for (int i = 0; i < grad.length; i++) {
      p[i] -= scale * grad[i];
    }
    parameters().copyFrom(p);
    return loss / count;
  }
}
