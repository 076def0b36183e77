package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Data that does not fit the network is an error naming the column and the sizes or types. */
class BadInputTest {
  private static final String MODEL = DigitsNetModel.class.getName();

  private final SparkSession spark = LocalSpark.session();
  private final SparkNetwork estimator = new SparkNetwork(DigitsNetModel.class).setMaxIter(1);

  private Dataset<Row> frame(StructType schema, List<Row> rows) {
    return spark.createDataFrame(rows, schema);
  }

  private static StructType schema(org.apache.spark.sql.types.DataType features, org.apache.spark.sql.types.DataType label) {
    return new StructType().add("features", features).add("label", label);
  }

  private static double[] zeros(int n) {
    return new double[n];
  }

  private static String message(Dataset<Row> data) {
    return assertThrows(IllegalArgumentException.class, () -> new SparkNetwork(DigitsNetModel.class).setMaxIter(1).fit(data))
        .getMessage();
  }

  @Test
  void aFeatureColumnOfTextIsRefusedNamingItAndItsType() {
    Dataset<Row> data = frame(schema(DataTypes.StringType, DataTypes.DoubleType), List.of(RowFactory.create("0,1", 1.0)));
    assertEquals(
        "column 'features' must be a vector (org.apache.spark.ml.linalg.Vector, e.g. from a VectorAssembler), but is string",
        message(data));
  }

  @Test
  void aFeatureVectorOfTheWrongSizeIsRefusedNamingBothSizes() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0), RowFactory.create(Vectors.dense(zeros(3)), 2.0)));
    assertEquals("column 'features' holds a vector of size 3, but " + MODEL + " has 64 inputs", message(data));
  }

  @Test
  void aVectorSizeKnownFromTheColumnsMetadataIsCheckedBeforeAnyJob() {
    Dataset<Row> raw = frame(new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
        .add("c", DataTypes.DoubleType).add("label", DataTypes.DoubleType), List.of(RowFactory.create(1.0, 2.0, 3.0, 0.0)));
    Dataset<Row> data = new VectorAssembler().setInputCols(new String[] {"a", "b", "c"}).setOutputCol("features").transform(raw);
    assertEquals("column 'features' holds vectors of size 3, but " + MODEL + " has 64 inputs", message(data));
  }

  @Test
  void aLabelThatIsNoClassIndexIsRefusedNamingTheClassCount() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 10.0)));
    assertEquals("column 'label' holds 10.0, but " + MODEL + " has 10 classes: a label must be a class index 0 … 9",
        message(data));
  }

  @Test
  void aLabelColumnOfTextIsRefusedNamingItsType() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.StringType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), "seven")));
    assertEquals("column 'label' must be numeric or a vector, but is string", message(data));
  }

  @Test
  void aMissingColumnIsRefusedListingTheColumns() {
    Dataset<Row> data = frame(new StructType().add("x", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0)));
    assertEquals("column 'features' does not exist; the columns are [x, label]", message(data));
  }

  @Test
  void predictingAVectorOfTheWrongSizeNamesTheColumnAndSizes() {
    Dataset<Row> good = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0)));
    SparkNetworkModel model = estimator.fit(good);
    Dataset<Row> bad = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(65)), 1.0)));
    Exception e = assertThrows(Exception.class, () -> model.transform(bad).collectAsList());
    String expected = "column 'features' holds a vector of size 65, but " + MODEL + " has 64 inputs";
    boolean found = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      found |= t instanceof IllegalArgumentException && expected.equals(t.getMessage());
    }
    assertTrue(found, "no cause says: " + expected + "; got " + e);
  }

  @Test
  void earlyStoppingWithoutAValidationColumnIsRefused() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setEarlyStoppingPatience(3).fit(data));
    assertEquals("early stopping watches the validation loss: set validationIndicatorCol to a boolean column "
        + "marking the validation rows", e.getMessage());
  }

  @Test
  void earlyStoppingWithNoValidationRowIsRefused() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType).add("isValidation", DataTypes.BooleanType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0, false)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setValidationIndicatorCol("isValidation").setEarlyStoppingPatience(3)
            .setMaxIter(2).fit(data));
    assertEquals("early stopping watches the validation loss, but validationIndicatorCol marks no row as a validation row",
        e.getMessage());
  }

  @Test
  void aValidationIndicatorThatIsNotBooleanIsRefusedNamingItsType() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType).add("isValidation", DataTypes.IntegerType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0, 0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setValidationIndicatorCol("isValidation").fit(data));
    assertEquals("column 'isValidation' (validationIndicatorCol) must be boolean, but is int", e.getMessage());
  }

  @Test
  void localStepsWithAnotherOptimizerThanSgdAreRefusedNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setLocalSteps(4).setOptimizer("adam").settings());
    assertEquals("localSteps 4 runs plain SGD on each partition and averages the parameters; it needs optimizer "
        + "'sgd', but optimizer is 'adam' (or set localSteps to 1)", e.getMessage());
  }

  @Test
  void moreLocalStepsThanMiniBatchesPerEpochAreRefusedAtFitNamingBoth() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setOptimizer("sgd").setLocalSteps(5).setMiniBatchFraction(0.25)
            .fit(data));
    assertEquals("localSteps 5 needs at least 5 mini-batches per epoch; miniBatchFraction 0.25 gives 4 (set "
        + "miniBatchFraction to at most 1/5 or lower localSteps)", e.getMessage());
  }

  @Test
  void aNullValidationIndicatorIsRefusedNamingTheColumn() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType).add("isValidation", DataTypes.BooleanType),
        List.of(RowFactory.create(Vectors.dense(zeros(64)), 1.0, false), RowFactory.create(Vectors.dense(zeros(64)), 2.0, null)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(DigitsNetModel.class).setValidationIndicatorCol("isValidation").fit(data));
    assertEquals("column 'isValidation' (validationIndicatorCol) is null in a row", e.getMessage());
  }

  @Test
  void aBinaryClassifiersLabelOutsideZeroToOneIsRefusedNamingIt() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(0.0, 1.0), 1.0), RowFactory.create(Vectors.dense(1.0, 0.0), 2.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkNetwork(BinaryNetModel.class).setMaxIter(1).fit(data));
    assertEquals("column 'label' holds 2.0, but " + BinaryNetModel.class.getName() + " is a binary classifier "
        + "(binary cross-entropy): a label must be 0, 1 or a probability in between", e.getMessage());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefused() {
    Dataset<Row> data = frame(schema(SQLDataTypes.VectorType(), DataTypes.DoubleType),
        List.of(RowFactory.create(Vectors.dense(0.0, 1.0), 1.0)));
    SparkNetworkModel model = new SparkNetwork(BinaryNetModel.class).setMaxIter(1).fit(data).setThreshold(1.5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.transform(data));
    assertEquals("threshold must be in [0, 1], but is 1.5", e.getMessage());
  }

  @Test
  void aClassThatIsNoGeneratedModelIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.create(DigitsNet.class.getName()));
    assertEquals("modelClass io.gradgen.spark.DigitsNet does not implement io.gradgen.DifferentiableModel (pass the "
        + "generated class, e.g. DigitsNetModel, not the @Network interface)", e.getMessage());
  }
}
