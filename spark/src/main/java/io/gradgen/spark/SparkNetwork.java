package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.TrainingResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A Spark ML {@link Estimator} that trains any model class gradgen generated, data-parallel: per
 * step the parameters are broadcast, each partition sums its rows' gradient with one model instance
 * and the model's batch {@code gradient}, {@code treeAggregate} adds the sums and the driver applies
 * the runtime's optimizer (SGD, momentum, Adam). The runtime's stop rules end training: {@code
 * maxIter} epochs, a {@code targetLoss}, early stopping on the rows {@code validationIndicatorCol}
 * marks.
 *
 * <pre>{@code
 * SparkNetworkModel model = new SparkNetwork(DigitsNetModel.class)
 *     .setOptimizer("adam").setStepSize(0.01).setMaxIter(200).setSeed(42)
 *     .fit(train);                        // features: a vector column, label: the class index
 * model.transform(test);                  // adds probability (classifiers) and prediction
 * }</pre>
 *
 * <p>A numeric label is a class index for a softmax network (one-hot targets), the class 0 or 1 (or
 * a probability in [0, 1]) for a one-output binary cross-entropy network, and the target for any
 * other network with one output; a vector label is the target row of any network. Saved and loaded with
 * Spark ML's writers ({@code write().save(path)}, {@link #load}), alone or in a {@code Pipeline}.
 */
public final class SparkNetwork extends Estimator<SparkNetworkModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  /** The {@code threshold} param's doc, shared with {@link SparkNetworkModel}. */
  static final String THRESHOLD_DOC =
      "one-output binary cross-entropy networks: prediction 1 when the output p >= threshold, else 0; in [0, 1]";

  /** This stage's unique id. */
  private final String uid;
  /** The {@code modelClass} param. */
  private final Param<String> modelClass;
  /** The {@code featuresCol} param. */
  private final Param<String> featuresCol;
  /** The {@code labelCol} param. */
  private final Param<String> labelCol;
  /** The {@code predictionCol} param. */
  private final Param<String> predictionCol;
  /** The {@code probabilityCol} param. */
  private final Param<String> probabilityCol;
  /** The {@code threshold} param, passed on to the fitted model. */
  private final DoubleParam threshold;
  /** The {@code validationIndicatorCol} param. */
  private final Param<String> validationIndicatorCol;
  /** The {@code maxIter} param. */
  private final IntParam maxIter;
  /** The {@code stepSize} param. */
  private final DoubleParam stepSize;
  /** The {@code miniBatchFraction} param. */
  private final DoubleParam miniBatchFraction;
  /** The {@code optimizer} param. */
  private final Param<String> optimizer;
  /** The {@code momentum} param. */
  private final DoubleParam momentum;
  /** The {@code seed} param. */
  private final LongParam seed;
  /** The {@code initializer} param. */
  private final Param<String> initializer;
  /** The {@code targetLoss} param. */
  private final DoubleParam targetLoss;
  /** The {@code earlyStoppingPatience} param. */
  private final IntParam earlyStoppingPatience;
  /** The {@code earlyStoppingMinDelta} param. */
  private final DoubleParam earlyStoppingMinDelta;
  /** The {@code localSteps} param. */
  private final IntParam localSteps;
  /** The {@code aggregationDepth} param. */
  private final IntParam aggregationDepth;

  /**
   * An estimator for the generated model class {@code modelClass} (e.g. {@code DigitsNetModel.class}).
   *
   * @param modelClass the generated class; it must be on the executors' class path too
   */
  public SparkNetwork(Class<? extends DifferentiableModel> modelClass) {
    this(Identifiable.randomUID("gradgen"));
    set(this.modelClass, modelClass.getName());
  }

  /**
   * An estimator with the given uid and default params, as Spark ML's readers and {@code copy} make it.
   *
   * @param uid the stage's unique id
   */
  public SparkNetwork(String uid) {
    this.uid = uid;
    modelClass = new Param<>(uid, "modelClass", "the generated model class's binary name");
    featuresCol = new Param<>(uid, "featuresCol", "features column name (a vector)");
    labelCol = new Param<>(uid, "labelCol", "label column name (a class index, a number or a vector)");
    predictionCol = new Param<>(uid, "predictionCol", "prediction column name");
    probabilityCol = new Param<>(uid, "probabilityCol", "class probabilities column name (classifier networks)");
    threshold = new DoubleParam(uid, "threshold", THRESHOLD_DOC);
    validationIndicatorCol = new Param<>(uid, "validationIndicatorCol", "boolean column: true for validation rows");
    maxIter = new IntParam(uid, "maxIter", "maximum number of epochs (>= 1)");
    stepSize = new DoubleParam(uid, "stepSize", "the optimizer's learning rate (> 0)");
    miniBatchFraction = new DoubleParam(uid, "miniBatchFraction", "fraction of the rows per step, in (0, 1]");
    optimizer = new Param<>(uid, "optimizer", "sgd, momentum, nesterov or adam");
    momentum = new DoubleParam(uid, "momentum", "momentum coefficient of momentum and nesterov, in [0, 1)");
    seed = new LongParam(uid, "seed", "random seed: initial weights and mini-batches");
    initializer = new Param<>(uid, "initializer", "xavier, he or uniform");
    targetLoss = new DoubleParam(uid, "targetLoss", "stop once the training loss is at most this (NaN: off)");
    earlyStoppingPatience = new IntParam(uid, "earlyStoppingPatience", "epochs without validation improvement before stopping (0: off)");
    earlyStoppingMinDelta = new DoubleParam(uid, "earlyStoppingMinDelta", "least validation loss decrease that counts (>= 0)");
    localSteps = new IntParam(uid, "localSteps", "SGD steps per partition between parameter averagings (1: synchronous)");
    aggregationDepth = new IntParam(uid, "aggregationDepth", "depth of treeAggregate (>= 1)");
    setDefault(modelClass, "");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(threshold, 0.5);
    setDefault(maxIter, 100);
    setDefault(stepSize, 0.01);
    setDefault(miniBatchFraction, 1.0);
    setDefault(optimizer, "adam");
    setDefault(momentum, 0.9);
    setDefault(seed, (long) SparkNetwork.class.getName().hashCode());
    setDefault(initializer, "xavier");
    setDefault(targetLoss, Double.NaN);
    setDefault(earlyStoppingPatience, 0);
    setDefault(earlyStoppingMinDelta, 0.0);
    setDefault(localSteps, 1);
    setDefault(aggregationDepth, 2);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** @return the generated model class's binary name */
  public Param<String> modelClass() { return modelClass; }
  /** @return the features column: vectors of the model's input count */
  public Param<String> featuresCol() { return featuresCol; }
  /** @return the label column: a class index, a number or a vector */
  public Param<String> labelCol() { return labelCol; }
  /** @return the prediction column {@code transform} adds */
  public Param<String> predictionCol() { return predictionCol; }
  /** @return the probability column {@code transform} adds for classifier networks ("" for none) */
  public Param<String> probabilityCol() { return probabilityCol; }
  /** @return the least output p of a one-output binary cross-entropy network that predicts class 1 */
  public DoubleParam threshold() { return threshold; }
  /** @return the boolean column marking validation rows (unset: no validation set) */
  public Param<String> validationIndicatorCol() { return validationIndicatorCol; }
  /** @return the maximum number of epochs */
  public IntParam maxIter() { return maxIter; }
  /** @return the optimizer's learning rate */
  public DoubleParam stepSize() { return stepSize; }
  /** @return the fraction of each partition's rows in one step: 1 / miniBatchFraction steps per epoch */
  public DoubleParam miniBatchFraction() { return miniBatchFraction; }
  /** @return the optimizer: sgd, momentum, nesterov or adam */
  public Param<String> optimizer() { return optimizer; }
  /** @return the momentum coefficient of momentum and nesterov */
  public DoubleParam momentum() { return momentum; }
  /** @return the seed of the initial weights and the mini-batches */
  public LongParam seed() { return seed; }
  /** @return the initializer: xavier, he or uniform */
  public Param<String> initializer() { return initializer; }
  /** @return the training loss at which training stops (NaN: no such rule) */
  public DoubleParam targetLoss() { return targetLoss; }
  /** @return the early-stopping patience in epochs (0: off) */
  public IntParam earlyStoppingPatience() { return earlyStoppingPatience; }
  /** @return the least validation improvement that counts for early stopping */
  public DoubleParam earlyStoppingMinDelta() { return earlyStoppingMinDelta; }
  /**
   * The local steps: with k &gt; 1 every partition runs k SGD steps between parameter averagings,
   * and the training result's {@code iterations} counts the averagings (⌈chunks / k⌉ per epoch),
   * not the local steps. k must not exceed the mini-batches per epoch, ⌈1 / miniBatchFraction⌉.
   *
   * @return the SGD steps each partition takes between parameter averagings (1: synchronous)
   */
  public IntParam localSteps() { return localSteps; }
  /** @return the depth of the gradient's {@code treeAggregate} */
  public IntParam aggregationDepth() { return aggregationDepth; }

  /**
   * @param value the features column
   * @return this estimator
   */
  public SparkNetwork setFeaturesCol(String value) { set(featuresCol, value); return this; }
  /**
   * @param value the label column
   * @return this estimator
   */
  public SparkNetwork setLabelCol(String value) { set(labelCol, value); return this; }
  /**
   * @param value the prediction column
   * @return this estimator
   */
  public SparkNetwork setPredictionCol(String value) { set(predictionCol, value); return this; }
  /**
   * @param value the probability column ("" for none)
   * @return this estimator
   */
  public SparkNetwork setProbabilityCol(String value) { set(probabilityCol, value); return this; }
  /**
   * @param value the fitted model's threshold of a binary network, in [0, 1]
   * @return this estimator
   */
  public SparkNetwork setThreshold(double value) { set(threshold, value); return this; }
  /**
   * @param value the boolean validation-row column
   * @return this estimator
   */
  public SparkNetwork setValidationIndicatorCol(String value) { set(validationIndicatorCol, value); return this; }
  /**
   * @param value the maximum number of epochs, at least 1
   * @return this estimator
   */
  public SparkNetwork setMaxIter(int value) { set(maxIter, value); return this; }
  /**
   * @param value the learning rate, above 0
   * @return this estimator
   */
  public SparkNetwork setStepSize(double value) { set(stepSize, value); return this; }
  /**
   * @param value the fraction of the rows per step, in (0, 1]
   * @return this estimator
   */
  public SparkNetwork setMiniBatchFraction(double value) { set(miniBatchFraction, value); return this; }
  /**
   * @param value sgd, momentum, nesterov or adam
   * @return this estimator
   */
  public SparkNetwork setOptimizer(String value) { set(optimizer, value); return this; }
  /**
   * @param value the momentum coefficient, in [0, 1)
   * @return this estimator
   */
  public SparkNetwork setMomentum(double value) { set(momentum, value); return this; }
  /**
   * @param value the seed
   * @return this estimator
   */
  public SparkNetwork setSeed(long value) { set(seed, value); return this; }
  /**
   * @param value xavier, he or uniform
   * @return this estimator
   */
  public SparkNetwork setInitializer(String value) { set(initializer, value); return this; }
  /**
   * @param value the training loss to stop at (NaN: off)
   * @return this estimator
   */
  public SparkNetwork setTargetLoss(double value) { set(targetLoss, value); return this; }
  /**
   * @param value the patience in epochs (0: off)
   * @return this estimator
   */
  public SparkNetwork setEarlyStoppingPatience(int value) { set(earlyStoppingPatience, value); return this; }
  /**
   * @param value the least improvement, at least 0
   * @return this estimator
   */
  public SparkNetwork setEarlyStoppingMinDelta(double value) { set(earlyStoppingMinDelta, value); return this; }
  /**
   * @param value local SGD steps per averaging, at least 1 and at most ⌈1 / miniBatchFraction⌉
   * @return this estimator
   */
  public SparkNetwork setLocalSteps(int value) { set(localSteps, value); return this; }
  /**
   * @param value the tree depth, at least 1
   * @return this estimator
   */
  public SparkNetwork setAggregationDepth(int value) { set(aggregationDepth, value); return this; }

  private String validationColumn() {
    return isDefined(validationIndicatorCol) ? getOrDefault(validationIndicatorCol) : null;
  }

  TrainingSettings settings() {
    return new TrainingSettings(
        getOrDefault(optimizer), (Double) getOrDefault(stepSize), (Double) getOrDefault(momentum),
        (Integer) getOrDefault(maxIter), (Double) getOrDefault(miniBatchFraction), (Long) getOrDefault(seed),
        getOrDefault(initializer), (Double) getOrDefault(targetLoss), (Integer) getOrDefault(earlyStoppingPatience),
        (Double) getOrDefault(earlyStoppingMinDelta), (Integer) getOrDefault(localSteps),
        (Integer) getOrDefault(aggregationDepth), validationColumn() != null);
  }

  @Override
  public SparkNetworkModel fit(Dataset<?> dataset) {
    TrainingSettings settings = settings();
    String className = getOrDefault(modelClass);
    DifferentiableModel model = Models.create(className);
    String validation = validationColumn();
    Columns columns = Columns.forTraining(dataset.schema(), getOrDefault(featuresCol), getOrDefault(labelCol), validation, model);
    settings.newInitializer().initialize(model, settings.seed());
    JavaRDD<PartitionData> data = pack(dataset, columns, validation, settings.seed());
    try {
      TrainingResult result = new DistributedTrainer(className, settings).train(data, model);
      SparkNetworkModel fitted = new SparkNetworkModel(uid, className, model.parameters().toArray(), result);
      copyValues(fitted, extractParamMap());
      return fitted.setParent(this);
    } finally {
      data.unpersist(false);
    }
  }

  /** The rows packed once per partition and cached for all the steps. */
  static JavaRDD<PartitionData> pack(Dataset<?> dataset, Columns columns, String validation, long seed) {
    Dataset<Row> selected =
        validation == null
            ? dataset.select(functions.col(columns.featuresName()), functions.col(columns.labelName()))
            : dataset.select(
                functions.col(columns.featuresName()), functions.col(columns.labelName()), functions.col(validation));
    boolean withValidation = validation != null;
    JavaRDD<PartitionData> data =
        selected.toJavaRDD()
            .mapPartitionsWithIndex(
                (index, rows) -> PartitionData.pack(rows, columns, withValidation, seed, index), true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Failures.unwrap(data::count); // packs now, so that a bad row is reported before training
    return data;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    DifferentiableModel model = Models.create(getOrDefault(modelClass));
    Columns.forTraining(schema, getOrDefault(featuresCol), getOrDefault(labelCol), validationColumn(), model);
    return SparkNetworkModel.outputSchema(schema, model, getOrDefault(predictionCol), getOrDefault(probabilityCol));
  }

  @Override
  public SparkNetwork copy(ParamMap extra) {
    return (SparkNetwork) defaultCopy(extra);
  }

  /**
   * The reader Spark ML's {@code Pipeline.load} finds by reflection.
   *
   * @return a reader of saved estimators
   */
  public static MLReader<SparkNetwork> read() {
    return new DefaultParamsReader<>();
  }

  /**
   * Loads an estimator saved with {@code write().save(path)}.
   *
   * @param path the directory it was saved to
   * @return the estimator with its params
   */
  public static SparkNetwork load(String path) {
    return read().load(path);
  }
}
