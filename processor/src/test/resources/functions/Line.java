package fn;

import io.gradgen.Differentiable;

/** SEEDS.md §1: y = W·x and the sum of squared errors over the five samples. */
public final class Line {
  private Line() {}

  @Differentiable(wrt = "w")
  static double sse(double w, double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      double e = w * x[i] - y[i];
      sum += e * e;
    }
    return sum;
  }
}
