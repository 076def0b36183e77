package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.data.DataSet;
import io.gradgen.train.Initializer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The distributed gradient of a batch is the single-machine sum of its rows' gradients. */
class DistributedGradientTest {
  private static final int PARTITIONS = 3;

  private final DataSet train = Frames.digits().train();
  private final Dataset<Row> frame = Frames.classes(LocalSpark.session(), train).repartition(PARTITIONS);
  private final SparkNetwork estimator = new SparkNetwork(DigitsNetModel.class).setSeed(7);

  /** The model with the estimator's initial weights, and one batch gradient over all its rows. */
  private double[] singleMachine(double[] loss) {
    DigitsNetModel model = new DigitsNetModel();
    Initializer.xavier().initialize(model, 7);
    int n = train.size();
    double[] xs = new double[n * 64];
    double[] ts = new double[n * 10];
    for (int i = 0; i < n; i++) {
      System.arraycopy(train.features(i), 0, xs, i * 64, 64);
      System.arraycopy(train.targets(i), 0, ts, i * 10, 10);
    }
    double[] gradient = new double[model.parameterCount()];
    loss[0] = model.gradient(xs, 0, ts, 0, n, gradient);
    return gradient;
  }

  private JavaRDD<PartitionData> packed(DigitsNetModel model) {
    Columns columns = Columns.forTraining(frame.schema(), "features", "label", null, model);
    return SparkNetwork.pack(frame, columns, null, 7);
  }

  private static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "parameter " + i);
    }
  }

  @Test
  void fullBatchGradientOfPartitionsEqualsSingleMachineSum() {
    double[] loss = new double[1];
    double[] expected = singleMachine(loss);
    DigitsNetModel model = new DigitsNetModel();
    Initializer.xavier().initialize(model, 7);
    JavaRDD<PartitionData> data = packed(model);
    assertEquals(PARTITIONS, data.getNumPartitions());
    GradientPass.Sums sums =
        new DistributedTrainer(DigitsNetModel.class.getName(), estimator.settings())
            .pass(data, model.parameters().toArray(), new int[] {0}, 1, true);
    assertEquals(train.size(), sums.batchRows);
    assertEquals(loss[0], sums.batchLoss, 1e-12 * loss[0]);
    assertEquals(loss[0], sums.trainLoss, 1e-12 * loss[0]);
    assertClose(expected, sums.vector);
  }

  @Test
  void miniBatchesOfAnEpochCoverEveryRowOnce() {
    double[] loss = new double[1];
    double[] expected = singleMachine(loss);
    DigitsNetModel model = new DigitsNetModel();
    Initializer.xavier().initialize(model, 7);
    JavaRDD<PartitionData> data = packed(model);
    DistributedTrainer trainer = new DistributedTrainer(DigitsNetModel.class.getName(), estimator.settings());
    double[] total = new double[model.parameterCount()];
    long rows = 0;
    int chunks = 7;
    for (int chunk = 0; chunk < chunks; chunk++) {
      GradientPass.Sums sums = trainer.pass(data, model.parameters().toArray(), new int[] {chunk}, chunks, false);
      rows += sums.batchRows;
      for (int i = 0; i < total.length; i++) {
        total[i] += sums.vector[i];
      }
    }
    assertEquals(train.size(), rows);
    assertClose(expected, total);
  }
}
