package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.testing.LinearModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** k-fold cross-validation: folds partition the data, keep class shares, seed each fold, aggregate. */
class CrossValidationTest {
  private static DataSet labelled(int zeros, int ones) {
    double[][] x = new double[zeros + ones][];
    double[][] t = new double[zeros + ones][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i};
      t[i] = new double[] {i < zeros ? 0 : 1};
    }
    return DataSet.of(x, t);
  }

  @Test
  void foldsPartitionTheSamplesInNearlyEqualSizes() {
    int[][] folds = CrossValidation.kFold(3, 7).folds(labelled(10, 0));
    int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
    int[] sizes = Arrays.stream(folds).mapToInt(f -> f.length).sorted().toArray();
    assertArrayEquals(new int[] {3, 3, 4}, sizes);
  }

  @Test
  void stratifiedFoldsKeepEachClassShare() {
    DataSet data = labelled(6, 4);
    for (int[] fold : CrossValidation.kFold(2, 1).stratified().folds(data)) {
      long ones = Arrays.stream(fold).filter(i -> i >= 6).count();
      assertEquals(5, fold.length);
      assertEquals(2, ones, "each fold holds 3 of class 0 and 2 of class 1");
    }
  }

  /** Test-fold sizes 4, 3, 3 (in some order): mean 10/3, sample deviation √(((2/3)² + 2·(1/3)²)/2) = √(1/3). */
  @Test
  void theResultHoldsEveryFoldWithMeanAndSpread() {
    List<Long> seeds = new ArrayList<>();
    CrossValidation.Result r =
        CrossValidation.kFold(3, 100).run(labelled(10, 0), (fold, train, test, seed) -> {
          seeds.add(seed);
          assertEquals(10, train.size() + test.size());
          return Map.of("size", (double) test.size());
        });
    assertEquals(List.of(100L, 101L, 102L), seeds, "a fresh seed per fold");
    assertEquals(10 / 3.0, r.mean("size"), 1e-15);
    assertEquals(Math.sqrt(1 / 3.0), r.standardDeviation("size"), 1e-15);
    assertTrue(r.toString().startsWith("size         3.3333 ± 0.5774 (3 folds)"), r.toString());
  }

  /** y = 2x is learned on every fold, from a different random start each time: R² ≈ 1 on each. */
  @Test
  void aModelIsTrainedFreshOnEveryFold() {
    double[][] x = new double[20][];
    double[][] t = new double[20][];
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {i / 10.0};
      t[i] = new double[] {2 * i / 10.0};
    }
    Trainer trainer = Trainer.builder(new Sgd(0.01)).fullBatch().stopWhen(StopRule.maxEpochs(300)).build();
    CrossValidation.Result r =
        CrossValidation.kFold(4, 3).run(DataSet.of(x, t), () -> LinearModel.line(0), Initializer.uniform(), trainer);
    assertEquals(4, r.values("r2").length);
    for (double r2 : r.values("r2")) {
      assertTrue(r2 > 0.9999, "R² " + r2);
    }
    assertTrue(r.mean("rmse") < 0.01, "rmse " + r.mean("rmse"));
  }
}
