package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Jacobi iterations: A·u = λ·u for every pair, orthonormal vectors, known eigenvalues. */
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
}
