package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Splits are seeded, disjoint and complete, and stratified splits keep the class shares. */
class SplitTest {
  /** 100 rows, feature = row number; classes 0 (60 rows), 1 (30), 2 (10). */
  private static DataSet data() {
    double[][] x = new double[100][];
    double[][] t = new double[100][];
    for (int i = 0; i < 100; i++) {
      x[i] = new double[] {i};
      t[i] = new double[] {i < 60 ? 0 : i < 90 ? 1 : 2};
    }
    return DataSet.of(x, t);
  }

  private static Set<Double> ids(DataSet d) {
    Set<Double> ids = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      ids.add(d.feature(i, 0));
    }
    return ids;
  }

  private static int count(DataSet d, int label) {
    int n = 0;
    for (int l : d.labels()) {
      n += l == label ? 1 : 0;
    }
    return n;
  }

  @Test
  void partsHaveTheAskedSizesAndPartitionTheRows() {
    Split s = Split.random(data(), 0.6, 0.2, 1);
    assertEquals(60, s.train().size());
    assertEquals(20, s.validation().orElseThrow().size());
    assertEquals(20, s.test().size());
    Set<Double> all = new HashSet<>(ids(s.train()));
    all.addAll(ids(s.validation().orElseThrow()));
    all.addAll(ids(s.test()));
    assertEquals(100, all.size());
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    assertEquals(Split.random(data(), 0.7, 0, 5), Split.random(data(), 0.7, 0, 5));
    assertNotEquals(Split.random(data(), 0.7, 0, 5).test(), Split.random(data(), 0.7, 0, 6).test());
    assertFalse(Split.random(data(), 0.7, 0, 5).validation().isPresent());
  }

  @Test
  void stratifiedPartsKeepEachClassesShare() {
    Split s = Split.stratified(data(), 0.5, 0.2, 3);
    assertEquals(30, count(s.train(), 0));
    assertEquals(15, count(s.train(), 1));
    assertEquals(5, count(s.train(), 2));
    assertEquals(2, count(s.validation().orElseThrow(), 2));
    assertEquals(3, count(s.test(), 2));
    assertEquals(Split.stratified(data(), 0.5, 0.2, 3), s);
  }

  @Test
  void aRandomSplitOfASkewedSetCanMissTheStratifiedShares() {
    boolean differs = false;
    for (long seed = 0; seed < 20 && !differs; seed++) {
      differs = count(Split.random(data(), 0.5, 0, seed).train(), 2) != 5;
    }
    assertTrue(differs, "stratification is doing work");
  }

  @Test
  void fractionsThatLeaveNoTestPartAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.random(data(), 0.8, 0.2, 1));
    assertTrue(e.getMessage().contains("0.8 and 0.2"), e.getMessage());
  }

  @Test
  void aValidationPartAskedForIsNeverSilentlyEmpty() {
    double[][] x = {{0}, {1}, {2}, {3}};
    double[][] t = {{0}, {1}, {0}, {1}};
    // 0.1 of 4 rows rounds to none: an error that says so, not an empty validation part.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Split.random(DataSet.of(x, t), 0.7, 0.1, 1));
    assertTrue(e.getMessage().contains("the validation part of 4 rows would be empty"), e.getMessage());
    assertTrue(Split.random(DataSet.of(x, t), 0.75, 0.0, 1).validation().isEmpty(), "none asked, none given");
  }

  @Test
  void stratifyingOnWholeNumberTargetsOfAWideRangeIsQuick() {
    // 20,000 rows whose regression targets are distinct whole numbers up to 10^7: one group each.
    double[][] x = new double[20_000][];
    double[][] t = new double[20_000][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i};
      t[i] = new double[] {i * 500.0};
    }
    long start = System.nanoTime();
    assertThrows(IllegalArgumentException.class, () -> Split.stratified(DataSet.of(x, t), 0.6, 0.2, 1));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 5, "took " + seconds + " s");
  }
}
