package io.gradgen.examples.bench;

import java.util.SplittableRandom;

/** Seeded inputs, targets and the SGD update shared by every benchmark, so both sides get the same. */
final class BenchData {
  /** Learning rate of the benchmarked training step. */
  static final double LEARNING_RATE = 0.01;

  /** The mini-batch size of the batch benchmarks. */
  static final int BATCH = 64;

  private BenchData() {}

  /** {@code n} values uniform in [-1, 1). */
  static double[] uniform(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1.0, 1.0);
    }
    return values;
  }

  /** A one-hot target of length {@code n}, the hot index drawn from {@code seed}. */
  static double[] oneHot(int n, long seed) {
    double[] target = new double[n];
    target[new SplittableRandom(seed).nextInt(n)] = 1.0;
    return target;
  }

  /**
   * The update of the training step, θ ← θ − η·∂E/∂θ, written once and used for the generated model
   * and the baseline alike, so that only the model code differs between them.
   */
  static void sgdUpdate(double[] parameters, double[] gradient) {
    sgdUpdate(parameters, gradient, LEARNING_RATE);
  }

  /** θ ← θ − rate·g, the loop a careful engineer writes. */
  static void sgdUpdate(double[] parameters, double[] gradient, double rate) {
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] -= rate * gradient[i];
    }
  }

  /** {@code values} rounded to {@code float}. */
  static float[] toFloat(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  /** θ ← θ − rate·g in {@code float}, the loop a careful engineer writes. */
  static void sgdUpdate(float[] parameters, float[] gradient, float rate) {
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] -= rate * gradient[i];
    }
  }
}
