package com.example.modular;

import io.gradgen.Differentiable;

/** README's plain differentiable method: Σ (w·x − y)². */
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
