package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
