package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The results table: speed-up b/g with propagated error, the verdict against each target, allocation. */
class ResultsTableTest {
  @Test
  void speedUpIsBaselineOverGeneratedWithRelativeErrorsAddedInQuadrature() {
    double[] s =
        ResultsTable.speedUp(
            new Measurement("2-2-2", "predict", true, 20.0, 0.6, 0.0),
            new Measurement("2-2-2", "predict", false, 40.0, 1.6, 0.0));
    assertEquals(2.0, s[0], 1e-12);
    assertEquals(2.0 * Math.hypot(0.03, 0.04), s[1], 1e-12);
  }

  @Test
  void verdictSaysByHowMuchATargetIsMissedAndCallsAnIntervalAroundItInconclusive() {
    assertEquals("met", ResultsTable.verdict(2.5, 0.1, 2.0));
    assertEquals("met", ResultsTable.verdict(2.1, 0.1, 2.0));
    assertEquals("inconclusive (above, within error)", ResultsTable.verdict(2.05, 0.1, 2.0));
    assertEquals("missed, 50 % short", ResultsTable.verdict(1.0, 0.1, 2.0));
    assertEquals("inconclusive (3 % short, within error)", ResultsTable.verdict(1.45, 0.1, 1.5));
  }

  @Test
  void tableHasOneRowPerNetworkAndOperationAndFlagsAllocation() {
    String table =
        ResultsTable.format(
            List.of(
                new Measurement("4-8-3", "predict", true, 50.0, 1.0, 0.0001),
                new Measurement("4-8-3", "predict", false, 100.0, 2.0, 0.0),
                new Measurement("4-8-3", "train step", true, 200.0, 4.0, 24.0),
                new Measurement("4-8-3", "train step", false, 250.0, 5.0, 0.0),
                // the harness floor scales with the time per call: 0.49 B/op at 240 ns is 0.39 at 190
                new Measurement("4-8-3", "gradient", true, 190.0, 4.0, 0.38),
                new Measurement("4-8-3", "gradient", false, 240.0, 5.0, 0.49),
                // slower than the baseline: more harness bytes per call, at the same rate
                new Measurement("4-8-3", "predict, batch 64", true, 200.0, 4.0, 0.1),
                new Measurement("4-8-3", "predict, batch 64", false, 100.0, 2.0, 0.05)));
    String[] lines = table.split("\n");
    assertTrue(lines[0].startsWith("network"), table);
    assertTrue(lines[1].matches("4-8-3\\s+predict\\s+50\\.0 ± 1\\.0\\s+100\\.0 ± 2\\.0\\s+2\\.00 ± 0\\.06×\\s+0\\.000\\s+0\\.000\\s+≥ 1\\.5×: met"), table);
    assertTrue(lines[2].contains("(no speed target); B/op: harness floor"), table);
    assertTrue(lines[3].contains("missed, 17 % short") && lines[3].endsWith("ALLOCATES"), table);
    assertTrue(table.contains("(predict, train step): 1 of 2 met, 1 missed, the rest inconclusive"), table);
    assertTrue(lines[4].startsWith("4-8-3          predict, batch 64") && lines[4].endsWith("B/op: harness floor"), table);
    assertTrue(table.contains("below 0.01 B/op: 1 of 4; 2 more within the harness floor"), table);
  }
}
