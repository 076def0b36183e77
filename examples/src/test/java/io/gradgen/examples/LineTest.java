package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** docs/SEEDS.md §1: y = W·x on five samples, at W = 3. */
class LineTest {
  private static final double[] X = {0, 1, 2, 3, 4};
  private static final double[] Y = {0, 2, 4, 6, 8};

  private static SeedSubNetworks_LineModel line(double w) {
    return new SeedSubNetworks_LineModel(new double[] {w});
  }

  private static double sse(double w) {
    SeedSubNetworks_LineModel model = line(w);
    double sum = 0;
    for (int i = 0; i < X.length; i++) {
      sum += model.loss(new double[] {X[i]}, new double[] {Y[i]});
    }
    return sum;
  }

  @Test
  void outputsAndErrorsAtThree() {
    SeedSubNetworks_LineModel model = line(3);
    double[] outputs = new double[X.length];
    double absolute = 0;
    double[] y = new double[1];
    for (int i = 0; i < X.length; i++) {
      model.predict(new double[] {X[i]}, y);
      outputs[i] = y[0];
      absolute += Math.abs(y[0] - Y[i]);
    }
    assertArrayEquals(new double[] {0, 3, 6, 9, 12}, outputs, 0.0);
    assertEquals(10.0, absolute, 0.0);
  }

  @Test
  void sumOfSquaresIsThirtyAndItsDerivativeSixty() {
    assertEquals(30.0, sse(3), 1e-12);
    double[] grad = new double[1];
    SeedSubNetworks_LineModel model = line(3);
    for (int i = 0; i < X.length; i++) {
      model.gradient(new double[] {X[i]}, new double[] {Y[i]}, grad);
    }
    assertEquals(60.0, grad[0], 1e-12, "dSSE/dW, summed over the samples by gradient()");
    double sumOfSquaredInputs = 0;
    for (double x : X) {
      sumOfSquaredInputs += x * x;
    }
    assertEquals(2 * sumOfSquaredInputs * (3 - 2), grad[0], 1e-12, "2·Σx²·(W − 2)");
  }

  @Test
  void theFiniteDifferenceOfTheTextAgrees() {
    assertEquals(30.006, sse(3.0001), 5e-4);
    assertEquals(29.994, sse(2.9999), 5e-4);
    assertEquals(60.0, (sse(3.0001) - sse(2.9999)) / 0.0002, 1e-6);
  }
}
