package io.gradgen.examples;

import io.gradgen.Activation;
import io.gradgen.data.DataSet;
import io.gradgen.data.LabelVocabulary;
import io.gradgen.data.Preprocessor;
import io.gradgen.data.Split;
import io.gradgen.data.Standardizer;
import io.gradgen.data.Table;
import io.gradgen.data.TableEncoder;
import io.gradgen.data.TableEncoding;
import io.gradgen.train.Adam;
import io.gradgen.train.ConfusionMatrix;
import io.gradgen.train.CrossValidation;
import io.gradgen.train.Initializer;
import io.gradgen.train.Metrics;
import io.gradgen.train.Predictions;
import io.gradgen.train.RegressionMetrics;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code train-csv} does with a table: picks the loss from the target (class labels → softmax
 * and cross-entropy, numbers → identity and mean squared error), splits the rows 60/20/20 (stratified
 * for classes) before fitting anything, fits the missing-value fills, the feature standardization
 * and, for numbers, the target scaling on the training rows only, trains a {@link
 * RuntimeDenseModel} with Adam and early stopping on the validation rows, and measures it on the
 * test rows.
 */
final class CsvTraining {
  static final double TRAIN_FRACTION = 0.6;
  static final double VALIDATION_FRACTION = 0.2;

  /**
   * The command's choices.
   *
   * @param encoder the columns and the missing-value rule
   * @param target the target column's name
   * @param layers the hidden layers' sizes
   * @param activation the hidden layers' activation
   * @param classification true, false, or null to decide from the target (text → classes)
   */
  record Settings(
      TableEncoder encoder, String target, int[] layers, Activation activation, Boolean classification,
      double learningRate, int batch, int maxEpochs, int patience, long seed, int folds) {}

  /**
   * What came of it.
   *
   * @param labels the classes, empty for regression
   * @param metrics the test metrics by display name, in order
   * @param report the confusion matrix and per-class scores ("" for regression)
   * @param crossValidation the k-fold result, if asked for
   */
  record Result(
      RuntimeDenseModel model, TableEncoding encoding, List<Preprocessor> preprocessing, List<Preprocessor> targetScaling,
      List<String> labels, TrainingResult training, Map<String, Double> metrics, String report,
      Optional<CrossValidation.Result> crossValidation) {}

  private CsvTraining() {}

  /** Trains on {@code table}; {@code listener} is asked for the listener once the data is ready. */
  static Result run(Table table, Settings s, java.util.function.Supplier<TrainingListener> listener) {
    Table.Column targetColumn = table.column(s.target());
    boolean classes = s.classification() != null ? s.classification() : targetColumn.isText();
    LabelVocabulary vocabulary = classes ? LabelVocabulary.fit(targetColumn) : null;
    int[] strata = new int[table.rowCount()];
    if (classes) {
      for (int r = 0; r < strata.length; r++) {
        strata[r] = targetColumn.isMissing(r) ? 0 : vocabulary.indexOf(targetColumn.text(r));
      }
    }
    int[][] parts = Split.indices(strata, classes, TRAIN_FRACTION, VALIDATION_FRACTION, s.seed());
    Table trainRows = table.select(parts[0]);
    TableEncoding encoding = s.encoder().fit(trainRows, vocabulary);
    DataSet rawTrain = encoding.encode(trainRows);
    DataSet rawValidation = encoding.encode(table.select(parts[1]));
    DataSet rawTest = encoding.encode(table.select(parts[2]));
    Standardizer features = Standardizer.fit(rawTrain);
    List<Preprocessor> targetScaling = classes ? List.of() : List.of(Standardizer.fitTargets(rawTrain));
    DataSet train = scale(features, targetScaling, rawTrain);
    DataSet validation = scale(features, targetScaling, rawValidation);
    DataSet test = features.transform(rawTest);

    RuntimeDenseModel model = newModel(s, train, classes);
    initializer(s).initialize(model, s.seed());
    TrainingResult training = trainer(s, s.maxEpochs(), true).listener(listener.get()).build().fit(model, train, validation);

    Map<String, Double> metrics = new LinkedHashMap<>();
    String report = "";
    if (classes) {
      ConfusionMatrix confusion = ConfusionMatrix.of(model, test);
      metrics.put("test accuracy", confusion.accuracy());
      metrics.put("macro precision", confusion.macroPrecision());
      metrics.put("macro recall", confusion.macroRecall());
      metrics.put("macro F1", confusion.macroF1());
      metrics.put("weighted F1", confusion.weightedF1());
      if (vocabulary.size() == 2) {
        metrics.put("roc auc", Metrics.rocAuc(model, test));
      }
      report = "test split, " + test.size() + " rows:\n" + confusion.format(vocabulary.names());
    } else {
      double[][] predicted = targetScaling.get(0).inverse(Predictions.predict(model, test));
      RegressionMetrics r = RegressionMetrics.of(predicted, rawTest.targets());
      metrics.put("r2", r.r2());
      metrics.put("rmse", r.rmse());
      metrics.put("mae", r.mae());
    }
    metrics.put("test samples", (double) test.size());
    Optional<CrossValidation.Result> cv = Optional.empty();
    if (s.folds() > 1) {
      cv = Optional.of(crossValidate(table, s, encoding, vocabulary, classes, training));
    }
    List<String> labels = classes ? vocabulary.names() : List.of();
    return new Result(model, encoding, List.of(features), targetScaling, labels, training, metrics, report, cv);
  }

  /**
   * k-fold over every row, each fold trained for as many epochs as the held-out run's best, with its
   * own standardization fitted on its training folds; metrics in the file's units.
   */
  private static CrossValidation.Result crossValidate(
      Table table, Settings s, TableEncoding encoding, LabelVocabulary vocabulary, boolean classes, TrainingResult held) {
    TableEncoding all = s.encoder().fit(table, vocabulary);
    DataSet data = all.encode(table);
    int epochs = Math.max(1, held.restored() ? held.restoredEpoch() : held.epochs());
    CrossValidation cv = CrossValidation.kFold(s.folds(), s.seed());
    if (classes) {
      cv = cv.stratified();
    }
    return cv.run(data, (fold, rawTrain, rawTest, seed) -> {
      Standardizer features = Standardizer.fit(rawTrain);
      List<Preprocessor> targetScaling = classes ? List.of() : List.of(Standardizer.fitTargets(rawTrain));
      DataSet train = scale(features, targetScaling, rawTrain);
      RuntimeDenseModel model = newModel(s, train, classes);
      initializer(s).initialize(model, seed);
      trainer(s, epochs, false).build().fit(model, train);
      DataSet test = features.transform(rawTest);
      if (classes) {
        return CrossValidation.classificationMetrics(model, test);
      }
      RegressionMetrics r =
          RegressionMetrics.of(targetScaling.get(0).inverse(Predictions.predict(model, test)), rawTest.targets());
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("r2", r.r2());
      m.put("rmse", r.rmse());
      m.put("mae", r.mae());
      return m;
    });
  }

  private static DataSet scale(Standardizer features, List<Preprocessor> targets, DataSet data) {
    DataSet scaled = features.transform(data);
    return targets.isEmpty() ? scaled : targets.get(0).transformTargets(scaled);
  }

  private static RuntimeDenseModel newModel(Settings s, DataSet train, boolean classes) {
    return new RuntimeDenseModel(train.featureCount(), s.layers(), s.activation(), train.targetCount(), classes);
  }

  private static Initializer initializer(Settings s) {
    return s.activation() == Activation.RELU ? Initializer.he() : Initializer.xavier();
  }

  private static Trainer.Builder trainer(Settings s, int epochs, boolean early) {
    Trainer.Builder b = Trainer.builder(new Adam(s.learningRate())).miniBatch(s.batch()).seed(s.seed());
    return early
        ? b.stopWhen(StopRule.earlyStopping(s.patience(), 1e-5), StopRule.maxEpochs(epochs))
        : b.stopWhen(StopRule.maxEpochs(epochs));
  }
}
