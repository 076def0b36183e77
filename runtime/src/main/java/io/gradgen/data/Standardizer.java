package io.gradgen.data;

/**
 * Standardization: each feature becomes (x − μ) / σ with the training split's mean μ and standard
 * deviation σ (population, 1/n), so that it has mean 0 and variance 1 on the training data. A
 * feature that is constant on the training data is only centred (σ is taken as 1).
 */
public final class Standardizer implements Preprocessor {
  /** The kind stored in weight files. */
  public static final String KIND = "standardize";

  private final double[] mean;
  private final double[] deviation;

  private Standardizer(double[] mean, double[] deviation) {
    this.mean = mean;
    this.deviation = deviation;
  }

  /**
   * Fits μ and σ of every feature on {@code train}.
   *
   * @param train the training data
   * @return the fitted standardizer
   */
  public static Standardizer fit(DataSet train) {
    int d = train.featureCount();
    int n = train.size();
    double[] mean = new double[d];
    double[] deviation = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += train.feature(i, j);
      }
      mean[j] = sum / n;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double c = train.feature(i, j) - mean[j];
        squares += c * c;
      }
      double sd = Math.sqrt(squares / n);
      deviation[j] = sd > 0 ? sd : 1;
    }
    return new Standardizer(mean, deviation);
  }

  /**
   * Fits μ and σ of every <em>target</em> on {@code train}: the scaling of regression targets. Use
   * {@link Preprocessor#transformTargets} to scale data sets and {@link Preprocessor#inverse} to map
   * predictions back; weight files save it with the model.
   *
   * @param train the training data, whose targets are measured
   * @return a standardizer of as many features as {@code train} has targets
   * @throws IllegalArgumentException if {@code train} has no targets
   */
  public static Standardizer fitTargets(DataSet train) {
    if (train.targetCount() == 0) {
      throw new IllegalArgumentException("the data set has no targets to scale");
    }
    return fit(DataSet.of(train.targets(), new double[train.size()][0]));
  }

  static Standardizer restore(double[][] state) {
    Preprocessor.checkState(KIND, state, 2);
    for (double sd : state[1]) {
      if (!(sd > 0)) {
        throw new IllegalArgumentException(KIND + " needs positive deviations, found " + sd);
      }
    }
    return new Standardizer(state[0].clone(), state[1].clone());
  }

  /**
   * The training means μ (a copy).
   *
   * @return the training means μ (a copy)
   */
  public double[] mean() {
    return mean.clone();
  }

  /**
   * The training standard deviations σ (a copy; 1 for constant features).
   *
   * @return the training standard deviations σ (a copy; 1 for constant features)
   */
  public double[] deviation() {
    return deviation.clone();
  }

  @Override
  public int featureCount() {
    return mean.length;
  }

  @Override
  public void transform(double[] x, double[] out) {
    Preprocessor.checkRow(mean.length, x, out);
    for (int j = 0; j < mean.length; j++) {
      out[j] = (x[j] - mean[j]) / deviation[j];
    }
  }

  @Override
  public void inverse(double[] z, double[] out) {
    Preprocessor.checkRow(mean.length, z, out);
    for (int j = 0; j < mean.length; j++) {
      out[j] = z[j] * deviation[j] + mean[j];
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public double[][] state() {
    return new double[][] {mean.clone(), deviation.clone()};
  }
}
