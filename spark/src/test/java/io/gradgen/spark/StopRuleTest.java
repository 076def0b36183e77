package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.data.Split;
import io.gradgen.train.Metrics;
import io.gradgen.train.StopReason;
import io.gradgen.train.TrainingResult;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The runtime's stop rules end distributed training as they end the local trainer's. */
class StopRuleTest {
  private final SparkSession spark = LocalSpark.session();

  /** y = sin(2x) on 200 points of [−1, 1]: a regression only a network with an identity output fits. */
  static DataSet curve() {
    double[][] x = new double[200][];
    double[][] y = new double[200][];
    for (int i = 0; i < x.length; i++) {
      double v = -1 + 2.0 * i / (x.length - 1);
      x[i] = new double[] {v};
      y[i] = new double[] {Math.sin(2 * v)};
    }
    return DataSet.of(x, y);
  }

  @Test
  void targetLossStopsOnceTheTrainingLossReachesIt() {
    SparkNetworkModel fitted = new SparkNetwork(CurveNetModel.class)
        .setOptimizer("adam").setStepSize(0.05).setMaxIter(2000).setTargetLoss(0.005).setSeed(1)
        .fit(Frames.values(spark, curve()));
    TrainingResult result = fitted.trainingResult().orElseThrow();
    assertEquals(StopReason.TARGET_LOSS, result.reason());
    assertTrue(result.finalTrainingLoss() <= 0.005, "final loss " + result.finalTrainingLoss());
    assertTrue(result.history().trainingLoss(result.epochs() - 2) > 0.005, "stopped later than needed");
    // The model holds the weights whose loss was recorded.
    assertEquals(result.finalTrainingLoss(), Metrics.meanLoss(fitted.model(), curve()), 1e-9);
  }

  @Test
  void maxIterStopsAfterThatManyEpochs() {
    TrainingResult result = new SparkNetwork(CurveNetModel.class).setMaxIter(5).setMiniBatchFraction(0.5)
        .fit(Frames.values(spark, curve())).trainingResult().orElseThrow();
    assertEquals(StopReason.MAX_EPOCHS, result.reason());
    assertEquals(5, result.epochs());
    assertEquals(5, result.history().epochs());
    assertEquals(10, result.iterations());
  }

  @Test
  void earlyStoppingRestoresTheBestValidationEpoch() {
    Split digits = Frames.digits();
    DataSet train = digits.train().select(range(0, 300));
    // Validation rows with shuffled labels: fitting the training rows makes them worse and worse.
    DataSet validation = shuffledTargets(digits.validation().orElseThrow());
    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class)
        .setOptimizer("adam").setStepSize(0.01).setMaxIter(300).setSeed(5)
        .setValidationIndicatorCol("isValidation").setEarlyStoppingPatience(5)
        .fit(Frames.withValidation(spark, train, validation));
    TrainingResult result = fitted.trainingResult().orElseThrow();
    assertEquals(StopReason.EARLY_STOPPING, result.reason());
    assertTrue(result.epochs() < 300);
    assertEquals(result.history().bestEpoch() + 1, result.restoredEpoch());
    assertTrue(result.restored());
    double restoredLoss = result.history().validationLoss(result.restoredEpoch() - 1);
    assertEquals(restoredLoss, Metrics.meanLoss(fitted.model(), validation), 1e-9 * restoredLoss);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static DataSet shuffledTargets(DataSet data) {
    double[][] targets = data.targets();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = targets.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double[] t = targets[i];
      targets[i] = targets[j];
      targets[j] = t;
    }
    return data.withTargets(targets);
  }
}
