package io.gradgen.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.Split;
import io.gradgen.train.Adam;
import io.gradgen.train.Initializer;
import io.gradgen.train.Metrics;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Seeded distributed training on Digits reaches the single-machine trainer's accuracy. */
class DigitsTrainingTest {
  private static final int EPOCHS = 100;

  private final SparkSession spark = LocalSpark.session();
  private final Split split = Frames.digits();
  private final Dataset<Row> train = Frames.classes(spark, split.train());
  private final Dataset<Row> test = Frames.classes(spark, split.test());

  static double accuracy(SparkNetworkModel model, Dataset<Row> data) {
    Dataset<Row> predicted = model.transform(data);
    return (double) predicted.filter(col("prediction").equalTo(col("label"))).count() / data.count();
  }

  @Test
  void fullBatchAdamReachesTheSingleMachineTrainersAccuracy() {
    DigitsNetModel local = new DigitsNetModel();
    Initializer.xavier().initialize(local, 42);
    // One thread: the default (the available processors) may split a batch across threads, which
    // changes the rounding of the reference from one machine to another.
    TrainingResult single = Trainer.builder(new Adam(0.01)).fullBatch().seed(42).threads(1)
        .stopWhen(StopRule.maxEpochs(EPOCHS)).build().fit(local, split.train());
    double singleAccuracy = Metrics.accuracy(local, split.test());

    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class)
        .setOptimizer("adam").setStepSize(0.01).setMaxIter(EPOCHS).setSeed(42).fit(train);
    TrainingResult distributed = fitted.trainingResult().orElseThrow();
    double distributedAccuracy = accuracy(fitted, test);

    assertTrue(singleAccuracy > 0.9, "single-machine accuracy " + singleAccuracy);
    // The same initial weights and full-batch steps: the rows' gradients are only summed in
    // another order, so the runs agree up to rounding; allow one test row of difference.
    assertTrue(distributedAccuracy >= singleAccuracy - 1.0 / split.test().size(),
        "distributed " + distributedAccuracy + " < single machine " + singleAccuracy);
    assertEquals(EPOCHS, distributed.epochs());
    assertEquals(EPOCHS, distributed.iterations());
    // Epoch losses mean the same thing as the runtime's: the whole training set's mean loss after the epoch.
    for (int e : new int[] {0, EPOCHS / 2, EPOCHS - 1}) {
      double expected = single.history().trainingLoss(e);
      assertEquals(expected, distributed.history().trainingLoss(e), 1e-6 * expected, "epoch " + (e + 1));
    }
  }

  @Test
  void miniBatchMomentumLearnsDigits() {
    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class)
        .setOptimizer("momentum").setStepSize(0.05).setMomentum(0.9).setMiniBatchFraction(0.1)
        .setMaxIter(15).setSeed(3).fit(train);
    assertEquals(150, fitted.trainingResult().orElseThrow().iterations());
    double accuracy = accuracy(fitted, test);
    assertTrue(accuracy > 0.9, "accuracy " + accuracy);
  }

  @Test
  void localStepsWithParameterAveragingLearnDigits() {
    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class)
        .setOptimizer("sgd").setStepSize(0.1).setMiniBatchFraction(0.05).setLocalSteps(5)
        .setMaxIter(10).setSeed(3).fit(train);
    // 20 chunks per epoch, 5 local steps per averaging: 4 synchronizations per epoch.
    assertEquals(40, fitted.trainingResult().orElseThrow().iterations());
    double accuracy = accuracy(fitted, test);
    assertTrue(accuracy > 0.9, "accuracy " + accuracy);
  }
}
