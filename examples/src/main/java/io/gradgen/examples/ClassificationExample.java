package io.gradgen.examples;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import io.gradgen.data.Split;
import io.gradgen.data.Standardizer;
import io.gradgen.train.Adam;
import io.gradgen.train.ConfusionMatrix;
import io.gradgen.train.Initializer;
import io.gradgen.train.L2Regularization;
import io.gradgen.train.Metrics;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A multi-class example on a real data set: a stratified 60/20/20 split, standardization fitted on
 * the training part, one-hot targets, Xavier initialization, Adam on mini-batches of 16 with a
 * little L2 regularization, and early stopping on the validation loss (which restores the best
 * weights). Accuracy is measured on the held-out test part, which training never sees.
 */
final class ClassificationExample implements TrainingExample {
  static final double TRAIN_FRACTION = 0.6;
  static final double VALIDATION_FRACTION = 0.2;
  static final int MAX_EPOCHS = 500;

  /**
   * The training hyper-parameters.
   *
   * @param learningRate Adam's η
   * @param batch the mini-batch size
   * @param patience early stopping's patience, in epochs
   * @param minDelta the least validation improvement that resets the patience
   * @param l2 the L2 regularization λ on the weights
   */
  record Settings(double learningRate, int batch, int patience, double minDelta, double l2) {}

  /** The settings of the {@code train} command and the tests. */
  static final Settings DEFAULT = new Settings(0.01, 16, 50, 1e-4, 1e-2);

  private final String name;
  private final String description;
  private final Supplier<DataSet> data;
  private final int classes;
  private final Supplier<DifferentiableModel> model;
  private final Settings settings;
  private final List<String> labels;

  ClassificationExample(
      String name, String description, Supplier<DataSet> data, List<String> labels, Supplier<DifferentiableModel> model,
      Settings settings) {
    this.settings = settings;
    this.labels = List.copyOf(labels);
    this.name = name;
    this.description = description;
    this.data = data;
    this.classes = labels.size();
    this.model = model;
  }

  static ClassificationExample iris() {
    return new ClassificationExample(
        "iris", "Iris (UCI): 4 features, 3 species; 4-8-3 tanh/softmax network",
        ExampleData::iris, List.of("setosa", "versicolor", "virginica"), IrisNetModel::new, DEFAULT);
  }

  static ClassificationExample wine() {
    return new ClassificationExample(
        "wine", "Wine (UCI): 13 features, 3 cultivators; 13-8-3 tanh/softmax network",
        ExampleData::wine, List.of("class_0", "class_1", "class_2"), WineNetModel::new, DEFAULT);
  }

  static ClassificationExample digits() {
    return new ClassificationExample(
        "digits", "Digits (UCI): 8×8 images, 10 digits; 64-32-10 relu/softmax network (generated as loops)",
        ExampleData::digits, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), DigitsNetModel::new, DEFAULT);
  }

  /** This example with other settings. */
  ClassificationExample with(Settings other) {
    return new ClassificationExample(name, description, data, labels, model, other);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int maxEpochs() {
    return MAX_EPOCHS;
  }

  @Override
  public ExampleResult run(long seed, Function<String, TrainingListener> listeners) {
    Split split = Split.stratified(OneHot.encode(data.get(), classes), TRAIN_FRACTION, VALIDATION_FRACTION, seed);
    Standardizer standardizer = Standardizer.fit(split.train());
    DataSet train = standardizer.transform(split.train());
    DataSet validation = standardizer.transform(split.validation().orElseThrow());
    DataSet test = standardizer.transform(split.test());

    DifferentiableModel net = model.get();
    Initializer.xavier().initialize(net, seed);
    TrainingResult result =
        Trainer.builder(new Adam(settings.learningRate()))
            .miniBatch(settings.batch())
            .seed(seed)
            .regularization(L2Regularization.of(settings.l2()))
            .stopWhen(
                StopRule.earlyStopping(settings.patience(), settings.minDelta()),
                StopRule.maxEpochs(MAX_EPOCHS))
            .listener(listeners.apply(name))
            .build()
            .fit(net, train, validation);

    ConfusionMatrix confusion = ConfusionMatrix.of(net, test);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("test accuracy", Metrics.accuracy(net, test));
    metrics.put("macro F1", confusion.macroF1());
    metrics.put("weighted F1", confusion.weightedF1());
    metrics.put("validation accuracy", Metrics.accuracy(net, validation));
    metrics.put("training accuracy", Metrics.accuracy(net, train));
    metrics.put("test loss", Metrics.meanLoss(net, test));
    metrics.put("training loss", Metrics.meanLoss(net, train));
    metrics.put("test samples", (double) test.size());
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", result.history().trainingLosses());
    curves.put("validation loss", result.history().validationLosses());
    String report = "test split, " + test.size() + " samples:\n" + confusion.format(labels);
    return new ExampleResult(name, net, List.of(standardizer), result, metrics, curves, labels, report);
  }
}
