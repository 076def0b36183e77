package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.UniformInitializer;
import org.junit.jupiter.api.Test;

/**
 * docs/SEEDS.md §4, the tree-age network: on the sample (width 5, length 7) → age 5 a prediction of 6.25
 * is an MSE of 1.5625, and one stochastic-gradient step can overshoot.
 *
 * <p>The text does not give its starting weights, and its three numbers (prediction 6.25; w1 becomes
 * −0.1125; next prediction −3.33) do not determine them: many weight sets in [0, 1) with a learning
 * rate fit all three. {@link #constructed()} is one such set that <em>we</em> built from those
 * constraints (not the text's weights); the test checks that the generated forward pass, gradient
 * and one SGD step reproduce all three numbers from it.
 */
class TreeAgeTest {
  private static final double[] X = {5, 7};
  private static final double[] AGE = {5};
  private static final double ETA = 0.05;

  /**
   * Both hidden neurons alike (w1 = w3 = p, w2 = w4 = q, b1 = b2 = c), output weights a, bias b3.
   * p is chosen so that one step with η = 0.05 makes w1 = p − η·2(y − t)·a·x₁ = −0.1125; c so that
   * the prediction is 6.25; a = 0.8414 so that the next prediction rounds to −3.33.
   */
  static double[] constructed() {
    double a = 0.8414;
    double b3 = 0.5;
    double hidden = (6.25 - b3) / (2 * a);
    double p = 2 * (6.25 - 5) * a * X[0] * ETA - 0.1125;
    double q = 0.15;
    double c = hidden - X[0] * p - X[1] * q;
    return new double[] {p, q, p, q, c, c, a, a, b3};
  }

  @Test
  void theConstructedStartLiesInZeroOne() {
    for (double v : constructed()) {
      assertTrue(v >= 0 && v < 1, "docs/SEEDS.md §4 starts in [0, 1): " + v);
    }
  }

  @Test
  void aPredictionOf625IsAnMseOf15625() {
    TreeAgeNetModel model = new TreeAgeNetModel(constructed());
    double[] y = new double[1];
    model.predict(X, y);
    assertEquals(6.25, y[0], 1e-12);
    assertEquals(1.5625, model.loss(X, AGE), 1e-12, "(6.25 − 5)² / 1");
  }

  @Test
  void fromAnyRandomStartTheMseOfOneSampleIsTheSquaredError() {
    for (long seed = 0; seed < 20; seed++) {
      TreeAgeNetModel model = new TreeAgeNetModel();
      new UniformInitializer(0, 1, true).initialize(model, seed);
      double[] y = new double[1];
      model.predict(X, y);
      assertEquals((y[0] - 5) * (y[0] - 5), model.loss(X, AGE), 1e-12);
    }
  }

  @Test
  void oneStepMakesW1Minus01125AndOvershootsToMinus333() {
    TreeAgeNetModel model = new TreeAgeNetModel(constructed());
    Trainer.builder(new Sgd(ETA)).online().stopWhen(StopRule.maxIterations(1)).build()
        .fit(model, DataSet.of(new double[][] {X}, new double[][] {AGE}));
    assertEquals(-0.1125, model.parameters().get(0), 1e-12, "w1 after one step");
    double[] y = new double[1];
    model.predict(X, y);
    assertEquals(-3.33, y[0], 0.005, "from 1.25 above the target to 8.33 below it");
  }
}
