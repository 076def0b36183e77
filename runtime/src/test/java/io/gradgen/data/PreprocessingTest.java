package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Standardization and min-max normalization are fitted on the training split only, applied
 * identically to other data, invertible, and restorable from their state.
 */
class PreprocessingTest {
  static DataSet random(long seed, int rows, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[rows][];
    double[][] t = new double[rows][];
    for (int i = 0; i < rows; i++) {
      x[i] = new double[] {shift + 10 * r.nextDouble(), -3 + 0.1 * r.nextGaussian(), 7};
      t[i] = new double[] {0};
    }
    return DataSet.of(x, t);
  }

  private static double mean(DataSet d, int j) {
    double s = 0;
    for (int i = 0; i < d.size(); i++) {
      s += d.feature(i, j);
    }
    return s / d.size();
  }

  private static double variance(DataSet d, int j) {
    double m = mean(d, j);
    double s = 0;
    for (int i = 0; i < d.size(); i++) {
      s += (d.feature(i, j) - m) * (d.feature(i, j) - m);
    }
    return s / d.size();
  }

  @Test
  void standardizedTrainingFeaturesHaveMeanZeroAndVarianceOne() {
    DataSet train = random(1, 200, 0);
    DataSet z = Standardizer.fit(train).transform(train);
    for (int j = 0; j < 2; j++) {
      assertEquals(0, mean(z, j), 1e-12);
      assertEquals(1, variance(z, j), 1e-12);
    }
    assertEquals(0, variance(z, 2), 0.0, "a constant feature is only centred");
  }

  @Test
  void theFitSeesOnlyTheTrainingSplitAndIsAppliedIdenticallyLater() {
    DataSet train = random(1, 200, 0);
    DataSet test = random(2, 50, 100); // shifted: its own mean would be about 105
    Standardizer s = Standardizer.fit(train);
    assertArrayEquals(new double[] {mean(train, 0), mean(train, 1), 7}, s.mean(), 1e-12);
    DataSet z = s.transform(test);
    assertEquals((mean(test, 0) - mean(train, 0)) / Math.sqrt(variance(train, 0)), mean(z, 0), 1e-9);
    double[] row = test.features(3);
    assertArrayEquals(z.features(3), s.transform(row), 0.0, "row by row as for the whole set");
  }

  @Test
  void minMaxMapsTheTrainingRangeToZeroOne() {
    DataSet train = random(1, 200, 0);
    MinMaxNormalizer m = MinMaxNormalizer.fit(train);
    DataSet n = m.transform(train);
    for (int j = 0; j < 2; j++) {
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (int i = 0; i < n.size(); i++) {
        lo = Math.min(lo, n.feature(i, j));
        hi = Math.max(hi, n.feature(i, j));
      }
      assertEquals(0, lo, 1e-15);
      assertEquals(1, hi, 1e-15);
    }
    assertEquals(100 / (m.max()[0] - m.min()[0]), m.transform(new double[] {100 + m.min()[0], 0, 7})[0], 1e-12,
        "later data may fall outside [0, 1]");
  }

  @Test
  void bothAreInvertibleAndRestorableFromTheirState() {
    DataSet train = random(1, 100, 0);
    double[] x = {3.5, -2.9, 7};
    for (Preprocessor p : List.<Preprocessor>of(Standardizer.fit(train), MinMaxNormalizer.fit(train))) {
      double[] back = new double[3];
      p.inverse(p.transform(x), back);
      assertArrayEquals(x, back, 1e-12);
      Preprocessor restored = Preprocessor.restore(p.kind(), p.state());
      assertArrayEquals(p.transform(x), restored.transform(x), 0.0);
    }
  }

  @Test
  void wrongLengthsAreNamed() {
    Standardizer s = Standardizer.fit(random(1, 10, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.transform(new double[4]));
    assertEquals("x has 4 features, expected 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Preprocessor.restore("log", new double[][] {{1}}));
  }
}
