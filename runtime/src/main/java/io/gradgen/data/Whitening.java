package io.gradgen.data;

/**
 * Whitening (docs/SEEDS.md §5): decorrelates the features and gives each variance 1, from the training
 * split's mean μ and covariance C = U·Λ·Uᵀ (population, 1/n; decomposed by {@link SymmetricEigen}).
 *
 * <ul>
 *   <li>PCA whitening: z = (Λ + ε)^−½·Uᵀ·(x − μ). Component i is the i-th principal component,
 *       scaled to unit variance.
 *   <li>ZCA whitening: z = U·(Λ + ε)^−½·Uᵀ·(x − μ). The same, rotated back: of all whitening
 *       transformations it keeps the data closest to the original (Mahalanobis/ZCA).
 * </ul>
 *
 * ε (1e−9 by default) guards against a zero eigenvalue; with ε &gt; 0 the whitened covariance is
 * Λ/(Λ + ε) instead of exactly 1. Both forms are invertible: {@link #inverse} maps back.
 */
public final class Whitening implements Preprocessor {
  /** The kind of PCA whitening in weight files. */
  public static final String PCA_KIND = "whitening-pca";

  /** The kind of ZCA whitening in weight files. */
  public static final String ZCA_KIND = "whitening-zca";

  /** The default ε added to the eigenvalues. */
  public static final double DEFAULT_EPSILON = 1e-9;

  private final boolean zca;
  private final double[] mean;
  private final double[] eigenvalues;
  private final double[][] eigenvectors;
  private final double epsilon;
  private final double[][] forward;
  private final double[][] backward;

  private Whitening(boolean zca, double[] mean, double[] eigenvalues, double[][] eigenvectors, double epsilon) {
    int d = mean.length;
    this.zca = zca;
    this.mean = mean;
    this.eigenvalues = eigenvalues;
    this.eigenvectors = eigenvectors;
    this.epsilon = epsilon;
    // PCA: W = S⁻¹·Uᵀ, W⁻¹ = U·S; ZCA: W = U·S⁻¹·Uᵀ, W⁻¹ = U·S·Uᵀ; S = (Λ + ε)^½.
    double[][] pca = new double[d][d];
    double[][] pcaInverse = new double[d][d];
    for (int i = 0; i < d; i++) {
      double s = Math.sqrt(eigenvalues[i] + epsilon);
      for (int k = 0; k < d; k++) {
        pca[i][k] = eigenvectors[k][i] / s;
        pcaInverse[k][i] = eigenvectors[k][i] * s;
      }
    }
    if (zca) {
      this.forward = multiply(eigenvectors, pca);
      this.backward = multiply(pcaInverse, transpose(eigenvectors));
    } else {
      this.forward = pca;
      this.backward = pcaInverse;
    }
  }

  /**
   * PCA whitening fitted on {@code train}, with ε = {@value #DEFAULT_EPSILON}.
   *
   * @param train the training data
   * @return PCA whitening fitted on {@code train}, with ε = {@value #DEFAULT_EPSILON}
   */
  public static Whitening pca(DataSet train) {
    return fit(train, false, DEFAULT_EPSILON);
  }

  /**
   * ZCA whitening fitted on {@code train}, with ε = {@value #DEFAULT_EPSILON}.
   *
   * @param train the training data
   * @return ZCA whitening fitted on {@code train}, with ε = {@value #DEFAULT_EPSILON}
   */
  public static Whitening zca(DataSet train) {
    return fit(train, true, DEFAULT_EPSILON);
  }

  /**
   * Whitening fitted on {@code train}.
   *
   * @param zca true for ZCA, false for PCA whitening
   * @param epsilon ε ≥ 0 added to each eigenvalue
   * @param train the training data
   * @return whitening fitted on {@code train}
   * @throws IllegalArgumentException if ε is negative, or an eigenvalue plus ε is not positive (a
   *     feature is a linear combination of others: use ε &gt; 0)
   */
  public static Whitening fit(DataSet train, boolean zca, double epsilon) {
    if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
      throw new IllegalArgumentException("epsilon must be finite and at least 0, but is " + epsilon);
    }
    int d = train.featureCount();
    int n = train.size();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += train.feature(i, j) / n;
      }
    }
    double[][] covariance = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double ca = train.feature(i, a) - mean[a];
        for (int b = a; b < d; b++) {
          covariance[a][b] += ca * (train.feature(i, b) - mean[b]) / n;
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        covariance[a][b] = covariance[b][a];
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(covariance);
    double[] values = eigen.values();
    for (int i = 0; i < d; i++) {
      values[i] = Math.max(values[i], 0); // rounding can make a zero eigenvalue slightly negative
      if (!(values[i] + epsilon > 0)) {
        throw new IllegalArgumentException(
            "the training covariance is singular (eigenvalue " + i + " is 0): features are linearly"
                + " dependent; use epsilon > 0");
      }
    }
    return new Whitening(zca, mean, values, eigen.vectors(), epsilon);
  }

  static Whitening restore(String kind, double[][] state) {
    if (state.length != 4) {
      throw new IllegalArgumentException(kind + " needs 4 arrays of fitted numbers, got " + state.length);
    }
    int d = state[0].length;
    // (long) d·d: as an int, d = 65536 overflows to 0 and an empty array would match.
    if (d == 0 || state[1].length != d || state[2].length != (long) d * d || state[3].length != 1) {
      throw new IllegalArgumentException(kind + " state arrays have inconsistent lengths");
    }
    double[][] vectors = new double[d][d];
    for (int k = 0; k < d; k++) {
      System.arraycopy(state[2], k * d, vectors[k], 0, d);
    }
    for (int i = 0; i < d; i++) {
      if (!(state[1][i] + state[3][0] > 0)) {
        throw new IllegalArgumentException(kind + " needs positive eigenvalues + epsilon");
      }
    }
    return new Whitening(kind.equals(ZCA_KIND), state[0].clone(), state[1].clone(), vectors, state[3][0]);
  }

  /**
   * True for ZCA, false for PCA whitening.
   *
   * @return true for ZCA, false for PCA whitening
   */
  public boolean isZca() {
    return zca;
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
   * The eigenvalues of the training covariance, descending (a copy).
   *
   * @return the eigenvalues of the training covariance, descending (a copy)
   */
  public double[] eigenvalues() {
    return eigenvalues.clone();
  }

  /**
   * The whitening matrix W, z = W·(x − μ) (a copy).
   *
   * @return the whitening matrix W, z = W·(x − μ) (a copy)
   */
  public double[][] matrix() {
    double[][] copy = new double[forward.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = forward[i].clone();
    }
    return copy;
  }

  @Override
  public int featureCount() {
    return mean.length;
  }

  @Override
  public void transform(double[] x, double[] out) {
    Preprocessor.checkRow(mean.length, x, out);
    for (int i = 0; i < mean.length; i++) {
      double sum = 0;
      for (int k = 0; k < mean.length; k++) {
        sum += forward[i][k] * (x[k] - mean[k]);
      }
      out[i] = sum;
    }
  }

  @Override
  public void inverse(double[] z, double[] out) {
    Preprocessor.checkRow(mean.length, z, out);
    for (int i = 0; i < mean.length; i++) {
      double sum = mean[i];
      for (int k = 0; k < mean.length; k++) {
        sum += backward[i][k] * z[k];
      }
      out[i] = sum;
    }
  }

  @Override
  public String kind() {
    return zca ? ZCA_KIND : PCA_KIND;
  }

  /** {μ, eigenvalues, eigenvectors row by row (d·d), {ε}}. */
  @Override
  public double[][] state() {
    int d = mean.length;
    double[] vectors = new double[d * d];
    for (int k = 0; k < d; k++) {
      System.arraycopy(eigenvectors[k], 0, vectors, k * d, d);
    }
    return new double[][] {mean.clone(), eigenvalues.clone(), vectors, {epsilon}};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int k = 0; k < b.length; k++) {
          sum += a[i][k] * b[k][j];
        }
        c[i][j] = sum;
      }
    }
    return c;
  }

  private static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
