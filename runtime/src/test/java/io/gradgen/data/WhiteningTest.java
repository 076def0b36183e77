package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whitening decorrelates and scales to unit variance: PCA gives a diagonal unit covariance along
 * the principal axes, ZCA the identity while staying closest to the original data.
 */
class WhiteningTest {
  /** 500 rows of 3 strongly correlated features with different scales. */
  private static DataSet correlated(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[500][];
    double[][] t = new double[500][];
    for (int i = 0; i < 500; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      double c = r.nextGaussian();
      x[i] = new double[] {5 + 3 * a, -2 + 2 * a + 0.5 * b, 1 + a - b + 0.2 * c};
      t[i] = new double[] {0};
    }
    return DataSet.of(x, t);
  }

  private static double[][] covariance(DataSet d) {
    int n = d.size();
    int k = d.featureCount();
    double[] mean = new double[k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        mean[j] += d.feature(i, j) / n;
      }
    }
    double[][] c = new double[k][k];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          c[a][b] += (d.feature(i, a) - mean[a]) * (d.feature(i, b) - mean[b]) / n;
        }
      }
    }
    return c;
  }

  private static void assertIdentity(double[][] c, double tolerance) {
    for (int a = 0; a < c.length; a++) {
      for (int b = 0; b < c.length; b++) {
        assertEquals(a == b ? 1 : 0, c[a][b], tolerance, "covariance[" + a + "][" + b + "]");
      }
    }
  }

  /** Σ‖z − (x − μ)‖² over the rows: how far a whitening moved the centred data. */
  private static double distance(DataSet data, double[][] w) {
    double[] mean = Whitening.pca(data).mean();
    double sum = 0;
    for (int i = 0; i < data.size(); i++) {
      double[] x = data.features(i);
      for (int r = 0; r < w.length; r++) {
        double z = 0;
        for (int k = 0; k < w.length; k++) {
          z += w[r][k] * (x[k] - mean[k]);
        }
        sum += (z - (x[r] - mean[r])) * (z - (x[r] - mean[r]));
      }
    }
    return sum;
  }

  @Test
  void pcaWhitenedTrainingDataHasAUnitDiagonalCovariance() {
    DataSet train = correlated(1);
    Whitening pca = Whitening.fit(train, false, 0);
    assertIdentity(covariance(pca.transform(train)), 1e-10);
    // The default ε = 1e−9 leaves each variance at λ / (λ + ε), a hair below 1.
    double[][] c = covariance(Whitening.pca(train).transform(train));
    double smallest = pca.eigenvalues()[2];
    assertEquals(smallest / (smallest + Whitening.DEFAULT_EPSILON), c[2][2], 1e-10);
    double[] values = pca.eigenvalues();
    assertTrue(values[0] >= values[1] && values[1] >= values[2], "principal components in order");
  }

  @Test
  void zcaWhitenedTrainingDataHasTheIdentityCovariance() {
    DataSet train = correlated(1);
    Whitening zca = Whitening.fit(train, true, 0);
    assertIdentity(covariance(zca.transform(train)), 1e-10);
    double[][] w = zca.matrix();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        assertEquals(w[a][b], w[b][a], 1e-12, "the ZCA matrix is symmetric");
      }
    }
  }

  @Test
  void zcaStaysClosestToTheOriginalData() {
    DataSet train = correlated(1);
    double[][] zca = Whitening.zca(train).matrix();
    double zcaDistance = distance(train, zca);
    assertTrue(zcaDistance < distance(train, Whitening.pca(train).matrix()));
    // Any rotation Q·W of a whitening W whitens too; none of them is closer than ZCA.
    SplittableRandom r = new SplittableRandom(9);
    for (int trial = 0; trial < 20; trial++) {
      double[][] q = rotation(r.nextDouble(-Math.PI, Math.PI), r.nextDouble(-Math.PI, Math.PI));
      assertTrue(zcaDistance <= distance(train, multiply(q, zca)) + 1e-9);
    }
  }

  @Test
  void whiteningIsInvertibleAndFittedOnTheTrainingDataOnly() {
    DataSet train = correlated(1);
    DataSet other = correlated(2);
    for (Whitening w : new Whitening[] {Whitening.pca(train), Whitening.zca(train)}) {
      double[] x = other.features(7);
      double[] back = new double[3];
      w.inverse(w.transform(x), back);
      assertArrayEquals(x, back, 1e-9);
      Preprocessor restored = Preprocessor.restore(w.kind(), w.state());
      assertArrayEquals(w.transform(x), restored.transform(x), 1e-15);
      double[][] c = covariance(w.transform(other));
      assertTrue(Math.abs(c[0][0] - 1) > 1e-6, "another sample is only approximately white");
    }
  }

  @Test
  void linearlyDependentFeaturesNeedAnEpsilon() {
    double[][] x = new double[10][];
    double[][] t = new double[10][];
    for (int i = 0; i < 10; i++) {
      x[i] = new double[] {i, 2 * i};
      t[i] = new double[] {0};
    }
    DataSet d = DataSet.of(x, t);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Whitening.fit(d, true, 0));
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
    Whitening.fit(d, true, 1e-6); // works with ε > 0
  }

  private static double[][] rotation(double alpha, double beta) {
    double[][] rz = {{Math.cos(alpha), -Math.sin(alpha), 0}, {Math.sin(alpha), Math.cos(alpha), 0}, {0, 0, 1}};
    double[][] rx = {{1, 0, 0}, {0, Math.cos(beta), -Math.sin(beta)}, {0, Math.sin(beta), Math.cos(beta)}};
    return multiply(rz, rx);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }
}
