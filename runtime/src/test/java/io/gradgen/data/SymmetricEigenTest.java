package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Householder tridiagonalization and implicit QR: A·u = λ·u for every pair, orthonormal vectors,
 * known eigenvalues, the same results as the Jacobi solver it replaced, and 784 features in about a
 * second.
 */
class SymmetricEigenTest {
  @Test
  void aTwoByTwoMatrixHasItsKnownEigenvalues() {
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertArrayEquals(new double[] {3, 1}, e.values(), 1e-14);
    double r = Math.sqrt(0.5);
    assertArrayEquals(new double[] {r, r}, new double[] {e.vectors()[0][0], e.vectors()[1][0]}, 1e-14);
  }

  @Test
  void aRandomSymmetricMatrixIsDecomposed() {
    SplittableRandom random = new SplittableRandom(4);
    int n = 8;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        a[i][j] = a[j][i] = random.nextDouble(-1, 1);
      }
    }
    SymmetricEigen e = SymmetricEigen.of(a);
    double[][] u = e.vectors();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double au = 0;
        for (int k = 0; k < n; k++) {
          au += a[i][k] * u[k][j];
        }
        assertEquals(e.values()[j] * u[i][j], au, 1e-12, "A·u = λ·u");
      }
      for (int m = 0; m < n; m++) {
        double dot = 0;
        for (int k = 0; k < n; k++) {
          dot += u[k][j] * u[k][m];
        }
        assertEquals(j == m ? 1 : 0, dot, 1e-12, "orthonormal");
      }
      if (j > 0) {
        assertEquals(true, e.values()[j - 1] >= e.values()[j], "descending");
      }
    }
  }

  @Test
  void anAsymmetricMatrixIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 4}}));
  }

  private static double[][] randomSymmetric(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        a[i][j] = a[j][i] = random.nextDouble(-1, 1);
      }
    }
    return a;
  }

  /** Random matrices of 1 to 12 rows: the values and (distinct values, so unique) vectors of Jacobi. */
  @Test
  void smallCasesAgreeWithTheJacobiSolver() {
    for (int n = 1; n <= 12; n++) {
      for (long seed = 0; seed < 5; seed++) {
        double[][] a = randomSymmetric(n, 100 * n + seed);
        SymmetricEigen fast = SymmetricEigen.of(a);
        SymmetricEigen jacobi = JacobiEigen.of(a);
        assertArrayEquals(jacobi.values(), fast.values(), 1e-12, "n = " + n);
        for (int k = 0; k < n; k++) {
          assertArrayEquals(jacobi.vectors()[k], fast.vectors()[k], 1e-9, "n = " + n + ", component " + k);
        }
      }
    }
  }

  /** Repeated eigenvalues: diag(2, 2, 5) after a rotation, and the identity; and an empty matrix. */
  @Test
  void repeatedEigenvaluesAndTrivialMatrices() {
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    // R·diag(5, 2, 2)·Rᵀ with R the rotation by 0.3 in the plane of the first two axes.
    double[][] a = {{5 * c * c + 2 * s * s, 3 * c * s, 0}, {3 * c * s, 5 * s * s + 2 * c * c, 0}, {0, 0, 2}};
    assertArrayEquals(new double[] {5, 2, 2}, SymmetricEigen.of(a).values(), 1e-13);
    assertArrayEquals(new double[] {1, 1, 1, 1}, SymmetricEigen.of(new double[][] {
        {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}).values(), 0.0);
    assertEquals(0, SymmetricEigen.of(new double[0][0]).values().length);
    assertArrayEquals(new double[] {-3}, SymmetricEigen.of(new double[][] {{-3}}).values(), 0.0);
  }

  /** 784 features (MNIST's 28×28): the covariance of 1,000 random rows decomposes well under 2 s. */
  @Test
  void sevenHundredEightyFourFeaturesTakeAboutASecond() {
    int n = 784;
    SplittableRandom random = new SplittableRandom(9);
    double[][] x = new double[1000][n];
    for (double[] row : x) {
      double common = random.nextGaussian();
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian() + (j % 7 == 0 ? common : 0);
      }
    }
    DataSet data = DataSet.of(x, new double[1000][0]);
    long start = System.nanoTime();
    Whitening pca = Whitening.pca(data);
    double whitening = (System.nanoTime() - start) / 1e9;
    double[][] a = randomSymmetric(n, 77);
    start = System.nanoTime();
    SymmetricEigen e = SymmetricEigen.of(a);
    double eigen = (System.nanoTime() - start) / 1e9;
    System.out.printf("SymmetricEigenTest: 784 x 784 decomposed in %.2f s; Whitening.pca of 1,000 x 784 in %.2f s%n", eigen, whitening);
    for (int j = 0; j < n; j += 97) {
      for (int i = 0; i < n; i++) {
        double au = 0;
        for (int k = 0; k < n; k++) {
          au += a[i][k] * e.vectors()[k][j];
        }
        assertEquals(e.values()[j] * e.vectors()[i][j], au, 1e-10, "A·u = λ·u for vector " + j);
      }
    }
    assertEquals(n, pca.featureCount());
    assertTrue(eigen < 20, "a generous bound for a shared machine; took " + eigen + " s");
  }
}
