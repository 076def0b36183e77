package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.data.DataSet;
import io.gradgen.testing.LinearModel;
import org.junit.jupiter.api.Test;

/** Accuracy thresholds one output at 0.5, and the mean loss averages the per-sample losses. */
class MetricsTest {
  @Test
  void oneOutputIsAClassProbabilityThresholdedAtHalf() {
    // y = x: predictions 0.2, 0.6, 0.9, 0.4 against classes 0, 1, 0, 1 → 2 of 4 right.
    DataSet data = DataSet.of(new double[][] {{0.2}, {0.6}, {0.9}, {0.4}}, new double[][] {{0}, {1}, {0}, {1}});
    assertEquals(0.5, Metrics.accuracy(LinearModel.line(1), data), 0.0);
  }

  @Test
  void theMeanLossOfTheLineAtWEquals3Is6() {
    DataSet line = io.gradgen.testing.Line.data();
    assertEquals(30.0 / 5, Metrics.meanLoss(LinearModel.line(3), line), 1e-15);
  }
}
