package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** transform adds what the generated model predicts: probabilities and the class, or the value. */
class TransformTest {
  private final SparkSession spark = LocalSpark.session();

  @Test
  void probabilitiesAreTheModelsOutputsAndThePredictionItsMostProbableClass() {
    DataSet test = Frames.digits().test();
    Dataset<Row> frame = Frames.classes(spark, test);
    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class).setMaxIter(3).setSeed(2).fit(frame);
    DifferentiableModel local = fitted.model();
    List<Row> rows = fitted.transform(frame).collectAsList();
    assertEquals(test.size(), rows.size());
    assertEquals(List.of("features", "label", "probability", "prediction"), Arrays.asList(rows.get(0).schema().fieldNames()));
    double[] y = new double[10];
    for (Row row : rows) {
      local.predict(((Vector) row.get(0)).toArray(), y);
      assertArrayEquals(y, ((Vector) row.get(2)).toArray(), 0.0);
      assertEquals(OneHot.argmax(y), row.getDouble(3), 0.0);
    }
  }

  @Test
  void anEmptyProbabilityColumnNameLeavesTheColumnOut() {
    Dataset<Row> frame = Frames.classes(spark, Frames.digits().test());
    SparkNetworkModel fitted = new SparkNetwork(DigitsNetModel.class).setMaxIter(1).setProbabilityCol("").fit(frame);
    String[] columns = fitted.transform(frame).schema().fieldNames();
    assertEquals(List.of("features", "label", "prediction"), Arrays.asList(columns));
    assertFalse(Arrays.asList(fitted.transformSchema(frame.schema()).fieldNames()).contains("probability"));
  }

  /** Points in [−1, 1]², label 1 above the line x + y = 0.2, else 0. */
  static Dataset<Row> halfPlanes(SparkSession spark, int n) {
    SplittableRandom random = new SplittableRandom(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble(-1, 1);
      double y = random.nextDouble(-1, 1);
      rows.add(RowFactory.create(Vectors.dense(x, y), x + y > 0.2 ? 1.0 : 0.0));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void aBinaryNetworksProbabilitiesAreOneMinusPAndPAndItsPredictionPThresholded() {
    Dataset<Row> frame = halfPlanes(spark, 200);
    SparkNetworkModel fitted = new SparkNetwork(BinaryNetModel.class).setMaxIter(60).setSeed(4).fit(frame);
    assertEquals(List.of("features", "label", "probability", "prediction"),
        Arrays.asList(fitted.transformSchema(frame.schema()).fieldNames()));
    DifferentiableModel local = fitted.model();
    double[] p = new double[1];
    List<Row> rows = fitted.transform(frame).collectAsList();
    assertEquals(List.of("features", "label", "probability", "prediction"), Arrays.asList(rows.get(0).schema().fieldNames()));
    double[] ps = new double[rows.size()];
    int correct = 0;
    int defaultOnes = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      local.predict(((Vector) row.get(0)).toArray(), p);
      ps[i] = p[0];
      assertArrayEquals(new double[] {1 - p[0], p[0]}, ((Vector) row.get(2)).toArray(), 0.0);
      assertEquals(p[0] >= 0.5 ? 1.0 : 0.0, row.getDouble(3), 0.0, "default threshold 0.5, p " + p[0]);
      correct += row.getDouble(3) == row.getDouble(1) ? 1 : 0;
      defaultOnes += row.getDouble(3) == 1.0 ? 1 : 0;
    }
    assertTrue(correct > 0.9 * rows.size(), correct + " of " + rows.size() + " rows classified correctly");

    // A threshold of the median p: half the rows are class 1, unlike at 0.5 (the line is off-centre).
    double[] sorted = ps.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    List<Row> again = fitted.setThreshold(median).transform(frame).collectAsList();
    int ones = 0;
    for (int i = 0; i < again.size(); i++) {
      assertEquals(ps[i] >= median ? 1.0 : 0.0, again.get(i).getDouble(3), 0.0, "threshold " + median + ", p " + ps[i]);
      ones += again.get(i).getDouble(3) == 1.0 ? 1 : 0;
    }
    assertEquals(sorted.length - sorted.length / 2, ones);
    assertNotEquals(defaultOnes, ones, "the median threshold predicts as many ones as 0.5");
  }

  @Test
  void theEstimatorsThresholdIsTheFittedModels() {
    SparkNetworkModel fitted = new SparkNetwork(BinaryNetModel.class).setMaxIter(1).setThreshold(0.8).fit(halfPlanes(spark, 20));
    assertEquals(0.8, (Double) fitted.getOrDefault(fitted.threshold()), 0.0);
  }

  @Test
  void aRegressionNetworksPredictionIsItsOutput() {
    DataSet curve = StopRuleTest.curve();
    Dataset<Row> frame = Frames.values(spark, curve);
    SparkNetworkModel fitted = new SparkNetwork(CurveNetModel.class).setMaxIter(20).setStepSize(0.05).fit(frame);
    DifferentiableModel local = fitted.model();
    double[] y = new double[1];
    for (Row row : fitted.transform(frame).collectAsList()) {
      local.predict(((Vector) row.get(0)).toArray(), y);
      assertEquals(y[0], row.getDouble(2), 0.0);
    }
  }
}
