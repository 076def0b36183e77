package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.DifferentiableModel;
import io.gradgen.Parameters;
import org.junit.jupiter.api.Test;

/** The generated model works in a user's build: it predicts, and its gradient is exact. */
class TreeAgeTest {
  @Test
  void gradientMatchesCentralDifferences() {
    DifferentiableModel model = new TreeAgeModel();
    Parameters p = model.parameters();
    for (int i = 0; i < p.size(); i++) {
      p.set(i, 0.1 * (i + 1));
    }
    double[] x = {5, 7};
    double[] t = {5};
    double[] grad = new double[model.parameterCount()];
    model.gradient(x, t, grad);
    for (int i = 0; i < p.size(); i++) {
      double saved = p.get(i);
      double h = 1e-6;
      p.set(i, saved + h);
      double up = model.loss(x, t);
      p.set(i, saved - h);
      double down = model.loss(x, t);
      p.set(i, saved);
      assertEquals((up - down) / (2 * h), grad[i], 1e-6 * Math.max(1, Math.abs(grad[i])), model.parameterName(i));
    }
  }

  @Test
  void predictsWithTheGivenWeights() {
    // hidden = (x1 + x2, x1 + x2), age = hidden1 + hidden2: 24 for width 5, length 7.
    TreeAgeModel model = new TreeAgeModel(new double[] {1, 1, 1, 1, 0, 0, 1, 1, 0});
    double[] y = new double[TreeAgeModel.OUTPUTS];
    model.predict(new double[] {5, 7}, y);
    assertEquals(24.0, y[0], 0.0);
  }
}
