package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.io.WeightFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved with Spark ML's writers and loaded back: the same params, weights and predictions. */
class PersistenceTest {
  private final SparkSession spark = LocalSpark.session();
  private final Dataset<Row> train = Frames.classes(spark, Frames.digits().train()).withColumnRenamed("features", "raw");

  @TempDir Path dir;

  private PipelineModel fitPipeline() {
    StandardScaler scaler = new StandardScaler().setInputCol("raw").setOutputCol("features");
    SparkNetwork network = new SparkNetwork(DigitsNetModel.class).setMaxIter(5).setSeed(9);
    return new Pipeline().setStages(new PipelineStage[] {scaler, network}).fit(train);
  }

  @Test
  void aPipelineModelLoadsBackWithTheSameWeightsAndPredictions() throws IOException {
    PipelineModel fitted = fitPipeline();
    String path = dir.resolve("pipeline").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);

    SparkNetworkModel before = (SparkNetworkModel) fitted.stages()[1];
    SparkNetworkModel after = (SparkNetworkModel) loaded.stages()[1];
    assertEquals(before.uid(), after.uid());
    assertArrayEquals(before.weights(), after.weights(), 0.0);
    List<Row> expected = fitted.transform(train).select("probability", "prediction").collectAsList();
    List<Row> actual = loaded.transform(train).select("probability", "prediction").collectAsList();
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(((Vector) expected.get(i).get(0)).toArray(), ((Vector) actual.get(i).get(0)).toArray(), 0.0);
      assertEquals(expected.get(i).getDouble(1), actual.get(i).getDouble(1), 0.0);
    }
  }

  @Test
  void anEstimatorLoadsBackWithItsParams() throws IOException {
    SparkNetwork estimator = new SparkNetwork(DigitsNetModel.class).setOptimizer("momentum").setStepSize(0.05)
        .setMaxIter(7).setValidationIndicatorCol("isValidation").setEarlyStoppingPatience(4).setTargetLoss(0.1);
    String path = dir.resolve("estimator").toString();
    estimator.write().overwrite().save(path);
    SparkNetwork loaded = SparkNetwork.load(path);
    assertEquals(estimator.uid(), loaded.uid());
    assertEquals(DigitsNetModel.class.getName(), loaded.getOrDefault(loaded.modelClass()));
    assertEquals(estimator.settings(), loaded.settings());
    assertEquals("isValidation", loaded.getOrDefault(loaded.validationIndicatorCol()));
  }

  @Test
  void weightsSavedForAnotherArchitectureAreRefused() throws IOException {
    SparkNetworkModel model = (SparkNetworkModel) fitPipeline().stages()[1];
    Path saved = dir.resolve("model");
    model.write().overwrite().save(saved.toString());
    // Point the metadata at a network of the same sizes but sigmoid hidden units.
    try (Stream<Path> files = Files.list(saved.resolve("metadata"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".crc")) {
          Files.delete(file); // Hadoop's checksum of the file this test edits
        } else if (name.startsWith("part-")) {
          String json = Files.readString(file);
          Files.writeString(file, json.replace(DigitsNetModel.class.getName(), DigitsSigmoidNetModel.class.getName()));
        }
      }
    }
    Exception e = assertThrows(Exception.class, () -> SparkNetworkModel.load(saved.toString()));
    Throwable cause = e;
    while (cause != null && !(cause instanceof WeightFileException)) {
      cause = cause.getCause();
    }
    assertEquals(WeightFileException.class, cause == null ? null : cause.getClass(), "got " + e);
  }
}
