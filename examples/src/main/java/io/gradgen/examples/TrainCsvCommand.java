package io.gradgen.examples;

import io.gradgen.Activation;
import io.gradgen.data.Csv;
import io.gradgen.data.MissingValues;
import io.gradgen.data.Table;
import io.gradgen.data.TableEncoder;
import io.gradgen.io.WeightFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code train-csv FILE --target COLUMN [--features …] [--ignore …] --layers 16,8 --activation
 * tanh}: trains a dense network on any CSV file with a header, prints the test metrics (confusion
 * matrix and F1 for classes, R², RMSE, MAE for numbers; k-fold with {@code --folds}), writes the
 * learning curve and saves the model with its preprocessing, target scaling and class names.
 */
@CommandLine.Command(
    name = "train-csv",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Trains a dense network on a CSV file with a header (comma-separated unless --separator; gzip allowed).",
      "A text target is a class label (softmax + cross-entropy), a numeric one a number (mean squared error).",
      "The rows are split 60/20/20 (train/validation/test, stratified for classes); everything is fitted on"
          + " the training rows; training stops early on the validation loss; the metrics are the test rows'."
    })
final class TrainCsvCommand extends Command {
  @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (.csv or .csv.gz)")
  Path file;

  @CommandLine.Option(names = "--target", required = true, paramLabel = "COLUMN", description = "the column to predict")
  String target;

  @CommandLine.Option(names = "--features", split = ",", paramLabel = "COLUMN", description = "the feature columns (default: every other column)")
  List<String> features = List.of();

  @CommandLine.Option(names = "--ignore", split = ",", paramLabel = "COLUMN", description = "columns to leave out, such as an ID or a free-text note")
  List<String> ignore = List.of();

  @CommandLine.Option(names = "--layers", split = ",", paramLabel = "UNITS", defaultValue = "16,8", description = "hidden layer sizes (default: ${DEFAULT-VALUE})")
  int[] layers;

  @CommandLine.Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh", converter = ActivationConverter.class,
      description = "hidden activation: tanh, sigmoid, relu or identity (default: ${DEFAULT-VALUE})")
  Activation activation;

  @CommandLine.Option(names = "--classification", description = "treat a numeric target as class labels")
  boolean classification;

  @CommandLine.Option(names = "--missing", paramLabel = "RULE", defaultValue = "error", converter = MissingConverter.class,
      description = "missing feature values: error, mean or most-frequent (default: ${DEFAULT-VALUE})")
  MissingValues missing;

  @CommandLine.Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", description = "the field separator; 'tab' for a tab (default: ${DEFAULT-VALUE})")
  String separator;

  @CommandLine.Option(names = "--epochs", paramLabel = "N", defaultValue = "500", description = "the most epochs (default: ${DEFAULT-VALUE})")
  int epochs;

  @CommandLine.Option(names = "--patience", paramLabel = "N", defaultValue = "30", description = "early stopping's patience in epochs (default: ${DEFAULT-VALUE})")
  int patience;

  @CommandLine.Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.01", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
  double learningRate;

  @CommandLine.Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "the mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @CommandLine.Option(names = "--folds", defaultValue = "0", paramLabel = "K", description = "also run K-fold cross-validation (K >= 2)")
  int folds;

  @CommandLine.Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "fixes the split, the weights and the shuffling (default: ${DEFAULT-VALUE})")
  long seed;

  @CommandLine.Option(names = "--chart", paramLabel = "FILE.png", description = "the learning curve (default: target/NAME-learning-curve.png)")
  Path chart;

  @CommandLine.Option(names = "--save", paramLabel = "FILE", description = "the weight file (default: target/NAME.ggw)")
  Path save;

  @CommandLine.Option(names = "--json", description = "print the final metrics as one JSON object on the last line")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether to draw the progress bar in place. */
  boolean terminal = ProgressListener.onTerminal();

  /** tanh, sigmoid, relu, identity. */
  static final class ActivationConverter implements CommandLine.ITypeConverter<Activation> {
    @Override
    public Activation convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "tanh" -> Activation.TANH;
        case "sigmoid" -> Activation.SIGMOID;
        case "relu" -> Activation.RELU;
        case "identity", "linear" -> Activation.IDENTITY;
        default -> throw new CommandLine.TypeConversionException(
            "unknown activation '" + value + "' (expected tanh, sigmoid, relu or identity)");
      };
    }
  }

  /** error, mean, most-frequent. */
  static final class MissingConverter implements CommandLine.ITypeConverter<MissingValues> {
    @Override
    public MissingValues convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "error" -> MissingValues.ERROR;
        case "mean" -> MissingValues.MEAN;
        case "most-frequent", "mode" -> MissingValues.MOST_FREQUENT;
        default -> throw new CommandLine.TypeConversionException(
            "unknown rule '" + value + "' (expected error, mean or most-frequent)");
      };
    }
  }

  @Override
  public Integer call() throws IOException {
    for (int units : layers) {
      if (units < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--layers: every layer needs at least 1 unit, not " + units);
      }
    }
    if (folds == 1 || folds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--folds needs K >= 2, not " + folds);
    }
    char sep = separator.equals("tab") || separator.equals("\\t") ? '\t' : separator.charAt(0);
    if (separator.length() != 1 && sep != '\t') {
      throw new CommandLine.ParameterException(spec.commandLine(), "--separator must be one character or 'tab', not '" + separator + "'");
    }
    Table table = Csv.builder().header(true).separator(sep).build().readTable(file);
    TableEncoder.Builder encoder = TableEncoder.builder().target(target).missing(missing);
    if (!features.isEmpty()) {
      encoder.features(features.toArray(new String[0]));
    }
    encoder.ignore(ignore.toArray(new String[0]));
    CsvTraining.Settings settings =
        new CsvTraining.Settings(encoder.build(), target, layers, activation, classification ? Boolean.TRUE : null,
            learningRate, batch, epochs, patience, seed, folds);
    String name = baseName(file);
    out.println("Training on " + file + ": " + table.rowCount() + " rows, target '" + target + "', seed " + seed);
    CsvTraining.Result result;
    try {
      result = CsvTraining.run(table, settings, () -> new ProgressListener(name, epochs, err, terminal));
    } catch (IllegalArgumentException e) {
      err.println("train-csv: " + e.getMessage().replaceAll("ignore\\(\"([^\"]*)\"\\)", "--ignore $1")
          .replace("missing(MissingValues.MEAN) or MOST_FREQUENT", "--missing mean or most-frequent"));
      return 1;
    }
    out.println();
    out.println("features: " + String.join(", ", result.encoding().features()));
    out.print(result.model().summary());
    TrainCommand.printSummary(out, result.training());
    for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
      out.printf(Locale.ROOT, "  %-22s %s%n", metric.getKey(), TrainCommand.format(metric.getKey(), metric.getValue()));
    }
    if (!result.report().isEmpty()) {
      out.println();
      out.print(result.report());
    }
    result.crossValidation().ifPresent(cv -> {
      out.println();
      out.println(folds + "-fold cross-validation" + (result.labels().isEmpty() ? "" : " (stratified)") + ":");
      out.print(cv);
    });
    Path chartFile = chart != null ? chart : Path.of("target", name + "-learning-curve.png");
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", result.training().history().trainingLosses());
    curves.put("validation loss", result.training().history().validationLosses());
    LearningCurveChart.write(
        chartFile, "gradgen train-csv: " + file.getFileName() + ", target " + target + ", layers "
            + java.util.Arrays.toString(layers), curves, false, result.training().restoredEpoch());
    out.println("learning curve: " + chartFile);
    Path saveFile = save != null ? save : Path.of("target", name + ".ggw");
    java.nio.file.Files.createDirectories(saveFile.toAbsolutePath().getParent());
    WeightFile.save(saveFile, result.model(), result.preprocessing(), result.targetScaling(), result.labels());
    out.println("model: " + saveFile);
    if (json) {
      Map<String, Object> values = TrainCommand.jsonMetrics(result.metrics(), result.training());
      result.crossValidation().ifPresent(cv -> {
        for (String metric : cv.values().keySet()) {
          values.put("cv_" + metric + "_mean", cv.mean(metric));
          values.put("cv_" + metric + "_sd", cv.standardDeviation(metric));
        }
      });
      out.println(Json.object(values));
    }
    return 0;
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    for (String ext : new String[] {".gz", ".csv", ".tsv", ".txt"}) {
      if (name.endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
      }
    }
    return name.isEmpty() ? "model" : name;
  }
}
