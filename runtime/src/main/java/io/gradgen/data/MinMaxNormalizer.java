package io.gradgen.data;

/**
 * Min-max normalization: each feature becomes (x − min) / (max − min) with the training split's
 * minimum and maximum, so that training values lie in [0, 1] (later data may fall outside). A
 * feature that is constant on the training data becomes x − min.
 */
public final class MinMaxNormalizer implements Preprocessor {
  /** The kind stored in weight files. */
  public static final String KIND = "min-max";

  private final double[] min;
  private final double[] max;

  private MinMaxNormalizer(double[] min, double[] max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Fits the minimum and maximum of every feature on {@code train}.
   *
   * @param train the training data
   * @return the fitted normalizer
   */
  public static MinMaxNormalizer fit(DataSet train) {
    int d = train.featureCount();
    double[] min = new double[d];
    double[] max = new double[d];
    for (int j = 0; j < d; j++) {
      min[j] = Double.POSITIVE_INFINITY;
      max[j] = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < train.size(); i++) {
        min[j] = Math.min(min[j], train.feature(i, j));
        max[j] = Math.max(max[j], train.feature(i, j));
      }
    }
    return new MinMaxNormalizer(min, max);
  }

  static MinMaxNormalizer restore(double[][] state) {
    Preprocessor.checkState(KIND, state, 2);
    for (int j = 0; j < state[0].length; j++) {
      if (!(state[0][j] <= state[1][j])) {
        throw new IllegalArgumentException(KIND + " needs min <= max, feature " + j + " has "
            + state[0][j] + " > " + state[1][j]);
      }
    }
    return new MinMaxNormalizer(state[0].clone(), state[1].clone());
  }

  /**
   * The training minima (a copy).
   *
   * @return the training minima (a copy)
   */
  public double[] min() {
    return min.clone();
  }

  /**
   * The training maxima (a copy).
   *
   * @return the training maxima (a copy)
   */
  public double[] max() {
    return max.clone();
  }

  private double range(int j) {
    double r = max[j] - min[j];
    return r > 0 ? r : 1;
  }

  @Override
  public int featureCount() {
    return min.length;
  }

  @Override
  public void transform(double[] x, double[] out) {
    Preprocessor.checkRow(min.length, x, out);
    for (int j = 0; j < min.length; j++) {
      out[j] = (x[j] - min[j]) / range(j);
    }
  }

  @Override
  public void inverse(double[] z, double[] out) {
    Preprocessor.checkRow(min.length, z, out);
    for (int j = 0; j < min.length; j++) {
      out[j] = z[j] * range(j) + min[j];
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public double[][] state() {
    return new double[][] {min.clone(), max.clone()};
  }
}
