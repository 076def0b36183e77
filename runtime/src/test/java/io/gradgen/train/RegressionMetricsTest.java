package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.data.DataSet;
import io.gradgen.testing.LinearModel;
import org.junit.jupiter.api.Test;

/** R², RMSE and MAE on hand-worked cases, and predictions over a whole data set. */
class RegressionMetricsTest {
  /** Targets 1, 2, 3 and predictions 1, 2, 5: residuals 0, 0, −2; Σe² = 4, Σ(y − ȳ)² = 2. */
  @Test
  void oneOutput() {
    RegressionMetrics m = RegressionMetrics.of(new double[][] {{1}, {2}, {5}}, new double[][] {{1}, {2}, {3}});
    assertEquals(1 - 4 / 2.0, m.r2(), 1e-15);
    assertEquals(Math.sqrt(4 / 3.0), m.rmse(), 1e-15);
    assertEquals(2 / 3.0, m.mae(), 1e-15);
  }

  /** R² per output then averaged: output 0 perfect (1), output 1 predicts its mean (0). */
  @Test
  void twoOutputsAverageTheirR2() {
    RegressionMetrics m =
        RegressionMetrics.of(new double[][] {{1, 5}, {3, 5}}, new double[][] {{1, 4}, {3, 6}});
    assertEquals(0.5, m.r2(), 1e-15);
    assertEquals(Math.sqrt(2 / 4.0), m.rmse(), 1e-15);
    assertEquals(2 / 4.0, m.mae(), 1e-15);
  }

  @Test
  void aModelIsPredictedOverTheWholeDataSetInOneCall() {
    DataSet data = DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{0}, {2}, {4}});
    LinearModel line = LinearModel.line(2);
    assertArrayEquals(new double[][] {{0}, {2}, {4}}, Predictions.predict(line, data));
    RegressionMetrics m = RegressionMetrics.of(line, data);
    assertEquals(1.0, m.r2(), 0.0);
    assertEquals(0.0, m.rmse(), 0.0);
  }
}
