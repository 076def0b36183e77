package io.gradgen.data;

/**
 * The eigen-decomposition by cyclic Jacobi rotations, the solver {@link SymmetricEigen} used
 * before: each rotation zeroes one off-diagonal element, and sweeps repeat until the off-diagonal
 * part is negligible. Exact to rounding but O(n³) per sweep with many sweeps (72 s for 784
 * features); kept as the reference the tests check the faster solver against.
 */
final class JacobiEigen {
  private JacobiEigen() {}

  private static final int MAX_SWEEPS = 100;

  /** Decomposes {@code a}, which the caller checked is square and symmetric. */
  static SymmetricEigen of(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("row " + i + " has " + a[i].length + " elements, expected " + n);
      }
      m[i] = a[i].clone();
    }
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * (1 + Math.abs(a[i][j]))) {
          throw new IllegalArgumentException("the matrix is not symmetric at [" + i + "][" + j + "]");
        }
        scale += a[i][j] * a[i][j];
      }
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-30 * scale; sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          if (m[p][q] != 0) {
            rotate(m, v, p, q);
          }
        }
      }
    }
    return sorted(m, v);
  }

  private static double offDiagonal(double[][] m) {
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (i != j) {
          sum += m[i][j] * m[i][j];
        }
      }
    }
    return sum;
  }

  /** M ← Jᵀ·M·J and V ← V·J, with J the rotation in the (p, q) plane that zeroes M[p][q]. */
  private static void rotate(double[][] m, double[][] v, int p, int q) {
    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
    double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = m.length;
    for (int k = 0; k < n; k++) {
      double kp = m[k][p];
      double kq = m[k][q];
      m[k][p] = c * kp - s * kq;
      m[k][q] = s * kp + c * kq;
    }
    for (int k = 0; k < n; k++) {
      double pk = m[p][k];
      double qk = m[q][k];
      m[p][k] = c * pk - s * qk;
      m[q][k] = s * pk + c * qk;
    }
    for (int k = 0; k < n; k++) {
      double kp = v[k][p];
      double kq = v[k][q];
      v[k][p] = c * kp - s * kq;
      v[k][q] = s * kp + c * kq;
    }
  }

  private static SymmetricEigen sorted(double[][] m, double[][] v) {
    int n = m.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (i, j) -> Double.compare(m[j][j], m[i][i]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int j = 0; j < n; j++) {
      int from = order[j];
      values[j] = m[from][from];
      int largest = 0;
      for (int k = 0; k < n; k++) {
        if (Math.abs(v[k][from]) > Math.abs(v[largest][from])) {
          largest = k;
        }
      }
      double sign = v[largest][from] < 0 ? -1 : 1;
      for (int k = 0; k < n; k++) {
        vectors[k][j] = sign * v[k][from];
      }
    }
    return new SymmetricEigen(values, vectors);
  }
}
