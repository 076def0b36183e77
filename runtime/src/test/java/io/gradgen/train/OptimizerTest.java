package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each optimizer's update formula on cases small enough to compute by hand. */
class OptimizerTest {
  @Test
  void sgdIsTheDeltaRule() {
    // docs/SEEDS.md §1: W = 3, dSSE/dW = 60; new W = 3 − 0.01·60 = 2.4.
    double[] w = {3};
    new Sgd(0.01).step(w, new double[] {60});
    assertEquals(2.4, w[0], 1e-15);
  }

  @Test
  void momentumAccumulatesAVelocity() {
    // μ = 0.9, η = 0.1, g = 1 twice: v = −0.1, θ = −0.1; v = 0.9·(−0.1) − 0.1 = −0.19, θ = −0.29.
    Momentum momentum = new Momentum(0.1, 0.9);
    double[] theta = {0};
    momentum.step(theta, new double[] {1});
    assertEquals(-0.1, theta[0], 1e-15);
    momentum.step(theta, new double[] {1});
    assertEquals(-0.29, theta[0], 1e-15);
    assertArrayEquals(new double[] {-0.19}, momentum.velocity(), 1e-15);
  }

  @Test
  void nesterovLooksAhead() {
    // θ += −μ·v + (1 + μ)·v':  step 1: v' = −0.1, θ = 1.9·(−0.1) = −0.19;
    // step 2: v' = −0.19, θ = −0.19 + 0.9·0.1 + 1.9·(−0.19) = −0.461.
    Momentum nesterov = Momentum.nesterov(0.1, 0.9);
    double[] theta = {0};
    nesterov.step(theta, new double[] {1});
    assertEquals(-0.19, theta[0], 1e-15);
    nesterov.step(theta, new double[] {1});
    assertEquals(-0.461, theta[0], 1e-15);
  }

  @Test
  void adamsFirstStepsFollowTheBiasCorrectedMoments() {
    Adam adam = new Adam(LearningRateSchedule.constant(0.1), 0.9, 0.999, 1e-8);
    double[] theta = {1};
    // t = 1, g = 2: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, θ = 1 − 0.1·2 / (2 + 1e−8).
    adam.step(theta, new double[] {2});
    double expected = 1 - 0.1 * 2 / (2 + 1e-8);
    assertEquals(expected, theta[0], 1e-15);
    // t = 2, g = −1: m = 0.9·0.2 + 0.1·(−1) = 0.08, v = 0.999·0.004 + 0.001·1 = 0.004996,
    // m̂ = 0.08 / (1 − 0.81), v̂ = 0.004996 / (1 − 0.998001).
    adam.step(theta, new double[] {-1});
    double mHat = 0.08 / 0.19;
    double vHat = 0.004996 / 0.001999;
    expected -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
    assertEquals(expected, theta[0], 1e-12);
    assertEquals(0.873366, theta[0], 1e-6);
    assertEquals(2, adam.steps());
  }

  @Test
  void adamsFirstStepHasTheLearningRatesSizeWhateverTheGradientsScale() {
    double[] theta = {0, 0};
    new Adam(0.01).step(theta, new double[] {1e-4, -1e4});
    assertEquals(-0.01, theta[0], 1e-6);
    assertEquals(0.01, theta[1], 1e-9);
  }

  @Test
  void resetForgetsTheState() {
    Adam adam = new Adam(0.1);
    double[] a = {1};
    adam.step(a, new double[] {2});
    adam.reset(1);
    double[] b = {1};
    adam.step(b, new double[] {2});
    assertEquals(a[0], b[0], 0.0);
    assertEquals(1, adam.steps());
  }

  @Test
  void theOptimizerTakesItsRateFromTheScheduleEachEpoch() {
    Sgd sgd = new Sgd(LearningRateSchedule.stepDecay(0.1, 0.5, 2));
    assertEquals(0.1, sgd.learningRate());
    sgd.beginEpoch(2);
    assertEquals(0.05, sgd.learningRate(), 1e-15);
    double[] w = {1};
    sgd.step(w, new double[] {1});
    assertEquals(0.95, w[0], 1e-15);
  }

  @Test
  void mismatchedArraysAreRejectedWithTheirLengths() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1).step(new double[2], new double[3]));
    assertEquals("gradient has 3 elements, parameters has 2", e.getMessage());
    Adam adam = new Adam(0.1);
    adam.step(new double[2], new double[2]);
    e = assertThrows(IllegalArgumentException.class, () -> adam.step(new double[3], new double[3]));
    assertTrue(e.getMessage().contains("sized for 2"), e.getMessage());
  }

  @Test
  void badHyperParametersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new Adam(LearningRateSchedule.constant(0.1), 0.9, 1.0, 1e-8));
  }
}
