package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.TrainingResult;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained gradgen network as a Spark ML {@link Model}: {@link #transform} predicts with one model
 * instance per partition and adds the class probabilities (a vector column: the softmax outputs, or
 * [1 − p, p] for a one-output binary cross-entropy network) and the prediction (the most probable
 * class; for a binary network 1 when p ≥ {@code threshold}, else 0; the output for other
 * one-output networks; the output vector otherwise). Saved with {@link #write} (the params as Spark ML metadata, the weights as a gradgen
 * weight file) and loaded with {@link #load}, alone or in a {@code PipelineModel}.
 */
public final class SparkNetworkModel extends Model<SparkNetworkModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  /** This stage's unique id. */
  private final String uid;
  /** The trained weights, in the generated class's flat parameter order. */
  private final double[] weights;
  /** How the fit ended; not saved. */
  private final transient TrainingResult result;
  /** The {@code modelClass} param. */
  private final Param<String> modelClass;
  /** The {@code featuresCol} param. */
  private final Param<String> featuresCol;
  /** The {@code predictionCol} param. */
  private final Param<String> predictionCol;
  /** The {@code probabilityCol} param. */
  private final Param<String> probabilityCol;
  /** The {@code threshold} param. */
  private final DoubleParam threshold;

  SparkNetworkModel(String uid, String className, double[] weights, TrainingResult result) {
    this.uid = uid;
    this.weights = weights.clone();
    this.result = result;
    modelClass = new Param<>(uid, "modelClass", "the generated model class's binary name");
    featuresCol = new Param<>(uid, "featuresCol", "features column name (a vector)");
    predictionCol = new Param<>(uid, "predictionCol", "prediction column name");
    probabilityCol = new Param<>(uid, "probabilityCol", "class probabilities column name (classifier networks)");
    threshold = new DoubleParam(uid, "threshold", SparkNetwork.THRESHOLD_DOC);
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(threshold, 0.5);
    set(modelClass, className);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** @return the generated model class's binary name */
  public Param<String> modelClass() { return modelClass; }
  /** @return the features column: vectors of the model's input count */
  public Param<String> featuresCol() { return featuresCol; }
  /** @return the prediction column {@code transform} adds */
  public Param<String> predictionCol() { return predictionCol; }
  /** @return the probability column {@code transform} adds for classifier networks ("" for none) */
  public Param<String> probabilityCol() { return probabilityCol; }
  /** @return the least output p of a one-output binary cross-entropy network that predicts class 1 */
  public DoubleParam threshold() { return threshold; }

  /**
   * @param value the features column
   * @return this model
   */
  public SparkNetworkModel setFeaturesCol(String value) { set(featuresCol, value); return this; }
  /**
   * @param value the prediction column
   * @return this model
   */
  public SparkNetworkModel setPredictionCol(String value) { set(predictionCol, value); return this; }
  /**
   * @param value the probability column ("" for none)
   * @return this model
   */
  public SparkNetworkModel setProbabilityCol(String value) { set(probabilityCol, value); return this; }
  /**
   * @param value the threshold of a binary network, in [0, 1]
   * @return this model
   */
  public SparkNetworkModel setThreshold(double value) { set(threshold, value); return this; }

  /**
   * The trained weights, in the flat order of the generated class's {@code parameters()}.
   *
   * @return a copy of the weights
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * A new instance of the generated class holding the trained weights, to predict on one machine.
   *
   * @return the generated model with the trained weights
   */
  public DifferentiableModel model() {
    DifferentiableModel model = Models.create(getOrDefault(modelClass));
    model.parameters().copyFrom(weights);
    return model;
  }

  /**
   * How training ended (stop reason, epochs, loss history); empty for a loaded model.
   *
   * @return the training result of the fit that made this model
   */
  public Optional<TrainingResult> trainingResult() {
    return Optional.ofNullable(result);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType schema = dataset.schema();
    DifferentiableModel model = model();
    String features = getOrDefault(featuresCol);
    Columns columns = Columns.forInference(schema, features, model);
    StructType output = outputSchema(schema, model, getOrDefault(predictionCol), getOrDefault(probabilityCol));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    Broadcast<double[]> parameters = context.broadcast(weights);
    boolean probabilities = output.length() - schema.length() == 2;
    Inference inference =
        new Inference(getOrDefault(modelClass), parameters, columns, schema.fieldIndex(features), probabilities,
            Inference.Prediction.of(model), checkedThreshold());
    return dataset.toDF().mapPartitions(inference, Encoders.row(output));
  }

  private double checkedThreshold() {
    double t = (Double) getOrDefault(threshold);
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], but is " + t);
    }
    return t;
  }

  /**
   * {@code schema} with the probability column (classifier networks: softmax, or one output and
   * binary cross-entropy; unless its name is empty) and the prediction column: a class index, a
   * number (one output) or a vector.
   */
  static StructType outputSchema(StructType schema, DifferentiableModel model, String prediction, String probability) {
    StructType out = schema;
    for (String name : new String[] {prediction, probability}) {
      if (!name.isEmpty() && Arrays.asList(schema.fieldNames()).contains(name)) {
        throw new IllegalArgumentException(
            "output column '" + name + "' already exists; the columns are " + Arrays.toString(schema.fieldNames()));
      }
    }
    Inference.Prediction kind = Inference.Prediction.of(model);
    if (kind.classifies() && !probability.isEmpty()) {
      out = out.add(probability, SQLDataTypes.VectorType(), false);
    }
    boolean vector = kind == Inference.Prediction.VECTOR;
    return out.add(prediction, vector ? SQLDataTypes.VectorType() : DataTypes.DoubleType, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    DifferentiableModel model = model();
    Columns.forInference(schema, getOrDefault(featuresCol), model);
    checkedThreshold();
    return outputSchema(schema, model, getOrDefault(predictionCol), getOrDefault(probabilityCol));
  }

  @Override
  public SparkNetworkModel copy(ParamMap extra) {
    SparkNetworkModel copy = new SparkNetworkModel(uid, getOrDefault(modelClass), weights, result);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new ModelPersistence.Writer(this);
  }

  /**
   * The reader Spark ML's {@code PipelineModel.load} finds by reflection.
   *
   * @return a reader of saved models
   */
  public static MLReader<SparkNetworkModel> read() {
    return new ModelPersistence.Reader();
  }

  /**
   * Loads a model saved with {@code write().save(path)}.
   *
   * @param path the directory it was saved to
   * @return the model, with its params and weights
   */
  public static SparkNetworkModel load(String path) {
    return read().load(path);
  }

  /** For {@link ModelPersistence}: a loaded model. */
  static SparkNetworkModel restored(String uid, String className, double[] weights) {
    return new SparkNetworkModel(uid, className, weights, null);
  }
}
