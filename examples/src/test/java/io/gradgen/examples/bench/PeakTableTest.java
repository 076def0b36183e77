package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The physical-limit table: rate and fraction of the peak of the matching precision, with errors. */
class PeakTableTest {
  // PeakBenchmark does 16,384 multiply-adds per call: 640 ns is 25.6 G/s, 320 ns 51.2 G/s.
  private static final List<Measurement> PEAKS = List.of(
      new Measurement(PeakTable.PEAK, "doubleFma", true, 640.0, 6.4, Double.NaN),
      new Measurement(PeakTable.PEAK, "doubleMultiplyAdd", true, 800.0, 8.0, Double.NaN),
      new Measurement(PeakTable.PEAK, "floatFma", true, 320.0, 3.2, Double.NaN),
      new Measurement(PeakTable.PEAK, "floatMultiplyAdd", true, 400.0, 4.0, Double.NaN));

  @Test
  void peakIsTheFasterFormOfItsPrecision() {
    assertEquals(16_384, PeakBenchmark.MULTIPLY_ADDS);
    PeakTable.Peak d = PeakTable.peak(PEAKS, false).orElseThrow();
    assertEquals(25.6, d.rate(), 1e-9);
    assertEquals(0.256, d.error(), 1e-9);
    assertEquals("Math.fma", d.form());
    assertEquals(20.48, d.otherRate(), 1e-9);
    assertEquals(51.2, PeakTable.peak(PEAKS, true).orElseThrow().rate(), 1e-9);
  }

  @Test
  void rowsShowRateAndFractionOfThePeakInTheirPrecision() {
    List<Measurement> measurements = new java.util.ArrayList<>(PEAKS);
    // 2-2-2 predict: 8 multiply-adds in 32 ns = 0.25 G/s, 0.25 / 25.6 = 0.98 % of the double peak
    measurements.add(new Measurement("2-2-2", "predict", true, 32.0, 0.0, 0.0));
    measurements.add(new Measurement("2-2-2", "predict", false, 64.0, 0.0, 0.0));
    // in float, the same rate is half the fraction: 0.49 % of 51.2 G/s
    measurements.add(new Measurement("2-2-2 f32", "predict", true, 32.0, 0.0, 0.0));
    String table = PeakTable.format(measurements);
    assertTrue(table.contains("double 25.6 ± 0.3 G/s (Math.fma; the other form 20.5)"), table);
    String[] lines = table.split("\n");
    assertTrue(lines[3].matches("2-2-2\\s+predict\\s+8\\s+0\\.3\\s+0\\.25 ± 0\\.00\\s+1\\.0 ± 0\\.0 %\\s+0\\.13 ± 0\\.00\\s+0\\.5 ± 0\\.0 %"), table);
    assertTrue(lines[4].matches("2-2-2 f32\\s+predict\\s+8\\s+0\\.2\\s+0\\.25 ± 0\\.00\\s+0\\.5 ± 0\\.0 %\\s*"), table);
    assertEquals(5, lines.length, table);
  }

  @Test
  void withoutThePeakTheFractionIsNotGiven() {
    String table = PeakTable.format(List.of(new Measurement("784-128-10", "predict", true, 4064.0, 40.64, 0.0)));
    assertTrue(table.contains("double not measured (PeakBenchmark did not run)"), table);
    // 101,632 multiply-adds in 4,064 ns: 25.01 G/s
    assertTrue(table.split("\n")[3].matches("784-128-10\\s+predict\\s+101,632\\s+n/a\\s+25\\.01 ± 0\\.25\\s+n/a\\s*"), table);
  }
}
