package io.gradgen.spark;

import io.gradgen.data.Csv;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import io.gradgen.data.Split;
import io.gradgen.data.Standardizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test data: Digits split and standardized as the examples do, and data sets as DataFrames. */
final class Frames {
  private Frames() {}

  /** Digits (src/test/resources/data, see its README), one-hot, split 60/20/20 stratified (seed 42), standardized on the training rows. */
  static Split digits() {
    String resource = "/data/digits.csv.gz";
    DataSet data;
    try (InputStream in = Frames.class.getResourceAsStream(resource)) {
      data = Csv.builder().header(false).targetColumn(-1).build()
          .read(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8), "digits.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Split split = Split.stratified(OneHot.encode(data, 10), 0.6, 0.2, 42);
    Standardizer s = Standardizer.fit(split.train());
    return new Split(s.transform(split.train()), split.validation().map(s::transform), s.transform(split.test()));
  }

  /** Columns features (vector) and label (the class index of a one-hot target row). */
  static Dataset<Row> classes(SparkSession spark, DataSet data) {
    return frame(spark, data, null, false);
  }

  /** Columns features and label (the class index), then isValidation: false for {@code train}, true for {@code validation}. */
  static Dataset<Row> withValidation(SparkSession spark, DataSet train, DataSet validation) {
    return frame(spark, train, validation, false);
  }

  /** Columns features and label, a number: the one target of each row. */
  static Dataset<Row> values(SparkSession spark, DataSet data) {
    return frame(spark, data, null, true);
  }

  private static Dataset<Row> frame(SparkSession spark, DataSet data, DataSet validation, boolean value) {
    List<Row> rows = new ArrayList<>();
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    if (validation != null) {
      schema = schema.add("isValidation", DataTypes.BooleanType);
    }
    for (DataSet part : validation == null ? List.of(data) : List.of(data, validation)) {
      for (int i = 0; i < part.size(); i++) {
        double label = value ? part.target(i, 0) : OneHot.argmax(part.targets(i));
        rows.add(validation == null
            ? RowFactory.create(Vectors.dense(part.features(i)), label)
            : RowFactory.create(Vectors.dense(part.features(i)), label, part == validation));
      }
    }
    return spark.createDataFrame(rows, schema);
  }
}
