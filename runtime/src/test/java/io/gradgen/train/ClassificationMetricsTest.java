package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The confusion matrix and its scores on a hand-worked case: true 0,0,0,1,1,2 and predicted
 * 0,0,1,1,2,2 give the rows [2 1 0], [0 1 1], [0 0 1]. Class 0: P = 2/2, R = 2/3, F1 = 0.8; class
 * 1: P = 1/2, R = 1/2, F1 = 0.5; class 2: P = 1/2, R = 1/1, F1 = 2/3.
 */
class ClassificationMetricsTest {
  private static final ConfusionMatrix M =
      ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, 3);

  @Test
  void theMatrixCountsTruePredictedPairs() {
    long[][] expected = {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
    for (int a = 0; a < 3; a++) {
      for (int p = 0; p < 3; p++) {
        assertEquals(expected[a][p], M.count(a, p), a + "," + p);
      }
    }
    assertEquals(6, M.total());
    assertEquals(4 / 6.0, M.accuracy(), 1e-15);
  }

  @Test
  void perClassPrecisionRecallAndF1() {
    assertEquals(1.0, M.precision(0), 1e-15);
    assertEquals(2 / 3.0, M.recall(0), 1e-15);
    assertEquals(0.8, M.f1(0), 1e-15);
    assertEquals(0.5, M.precision(1), 1e-15);
    assertEquals(0.5, M.recall(1), 1e-15);
    assertEquals(0.5, M.f1(1), 1e-15);
    assertEquals(0.5, M.precision(2), 1e-15);
    assertEquals(1.0, M.recall(2), 1e-15);
    assertEquals(2 / 3.0, M.f1(2), 1e-15);
  }

  @Test
  void macroAndWeightedAverages() {
    assertEquals(2 / 3.0, M.macroPrecision(), 1e-15);
    assertEquals(13 / 18.0, M.macroRecall(), 1e-15);
    assertEquals(59 / 90.0, M.macroF1(), 1e-15);
    // Supports 3, 2, 1: (3·1 + 2·0.5 + 1·0.5) / 6 = 0.75; (3·0.8 + 2·0.5 + 1·2/3) / 6 = 61/90.
    assertEquals(0.75, M.weightedPrecision(), 1e-15);
    assertEquals(M.accuracy(), M.weightedRecall(), 1e-15);
    assertEquals(61 / 90.0, M.weightedF1(), 1e-15);
  }

  @Test
  void aClassNeverPredictedHasPrecisionZeroNotNaN() {
    ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2);
    assertEquals(0.0, m.precision(1), 0.0);
    assertEquals(0.0, m.f1(1), 0.0);
    assertEquals(0.5, m.precision(0), 0.0);
  }

  @Test
  void theReportNamesTheClasses() {
    String report = M.format(List.of("setosa", "versicolor", "virginica"));
    assertTrue(report.contains("versicolor"), report);
    assertTrue(report.lines().anyMatch(l -> l.startsWith("setosa") && l.contains("0.8000")), report);
    assertTrue(report.lines().anyMatch(l -> l.startsWith("macro") && l.contains("0.6556")), report);
  }

  @Test
  void badClassesAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3));
    assertEquals("actual[0] is 3, outside the classes 0..2", e.getMessage());
  }

  /** Positives score 0.35 and 0.8, negatives 0.1 and 0.4: 3 of the 4 pairs are ordered right. */
  @Test
  void rocAucIsTheShareOfCorrectlyOrderedPairs() {
    assertEquals(0.75, Metrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-15);
    // A tie between a positive and a negative counts one half: (0.5 + 1) / 2.
    assertEquals(0.75, Metrics.rocAuc(new double[] {0.2, 0.2, 0.9}, new boolean[] {false, true, true}), 1e-15);
    assertEquals(0.0, Metrics.rocAuc(new double[] {1, 0}, new boolean[] {false, true}), 0.0);
    assertThrows(IllegalArgumentException.class, () -> Metrics.rocAuc(new double[] {1}, new boolean[] {true}));
  }
}
