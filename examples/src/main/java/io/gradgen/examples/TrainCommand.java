package io.gradgen.examples;

import io.gradgen.io.WeightFile;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * {@code train EXAMPLE [--seed N] [--chart FILE] [--save FILE] [--json]}: trains an example network
 * with a progress bar, prints its final metrics, writes its learning curve as a PNG chart and, if
 * asked, its weights and preprocessing as a weight file.
 */
@CommandLine.Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Trains an example network with a progress bar, prints its metrics and charts its learning curve.")
final class TrainCommand extends Command {
  /** The examples, in the order the usage text lists them. */
  static final List<TrainingExample> EXAMPLES =
      List.of(
          ClassificationExample.iris(),
          ClassificationExample.wine(),
          ClassificationExample.digits(),
          XorExample.classifier(),
          XorExample.robust(),
          new LineExample(3));

  /** The seed used when none is given. */
  static final long DEFAULT_SEED = 42;

  /** The examples' names, for the usage text and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return EXAMPLES.stream().map(TrainingExample::name).iterator();
    }
  }

  /** Turns an example's name into the example, or says which names there are. */
  static final class ExampleConverter implements CommandLine.ITypeConverter<TrainingExample> {
    @Override
    public TrainingExample convert(String name) {
      for (TrainingExample example : EXAMPLES) {
        if (example.name().equals(name)) {
          return example;
        }
      }
      throw new CommandLine.TypeConversionException("unknown example '" + name + "' (expected " + names() + ")");
    }
  }

  @CommandLine.Parameters(
      index = "0",
      paramLabel = "EXAMPLE",
      converter = ExampleConverter.class,
      completionCandidates = Names.class,
      description = "one of: ${COMPLETION-CANDIDATES}")
  TrainingExample example;

  @CommandLine.Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "fixes the split, the initial weights and the shuffling (default: ${DEFAULT-VALUE})")
  long seed;

  @CommandLine.Option(names = "--chart", paramLabel = "FILE.png", description = "where to write the learning curve (default: target/EXAMPLE-learning-curve.png)")
  Path chart;

  @CommandLine.Option(names = "--save", paramLabel = "FILE", description = "save the weights and preprocessing to this weight file")
  Path save;

  @CommandLine.Option(names = "--json", description = "print the final metrics as one JSON object on the last line")
  boolean json;

  /** Whether to draw the progress bar in place; off a terminal it prints plain lines. */
  boolean terminal = ProgressListener.onTerminal();

  @Override
  public Integer call() throws IOException {
    Path chartFile = chart != null ? chart : Path.of("target", example.name() + "-learning-curve.png");
    out.println("Training " + example.description() + ", seed " + seed);
    int maxEpochs = example.maxEpochs();
    PrintStream progressTo = err;
    Function<String, TrainingListener> progress = task -> new ProgressListener(task, maxEpochs, progressTo, terminal);
    ExampleResult result = example.run(seed, progress);
    TrainingResult training = result.training();
    out.println();
    printSummary(out, training);
    for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
      out.printf(Locale.ROOT, "  %-22s %s%n", metric.getKey(), format(metric.getKey(), metric.getValue()));
    }
    if (!result.report().isEmpty()) {
      out.println();
      out.print(result.report());
    }
    LearningCurveChart.write(
        chartFile, "gradgen: " + example.description(), result.curves(), example.name().equals("line"),
        training.restoredEpoch());
    out.println("learning curve: " + chartFile);
    if (save != null) {
      WeightFile.save(save, result.model(), result.preprocessing(), List.of(), result.labels());
      out.println("weights: " + save);
    }
    if (json) {
      out.println(Json.object(jsonMetrics(result.metrics(), training)));
    }
    return 0;
  }

  /** Epochs, steps and time; which epoch's weights the model holds. The stop reason is the progress bar's. */
  static void printSummary(PrintStream out, TrainingResult training) {
    out.printf(
        Locale.ROOT, "%d epochs (%d steps, %.3f ms per epoch)%n",
        training.epochs(), training.iterations(), training.nanos() / 1e6 / Math.max(1, training.epochs()));
    if (training.restored()) {
      out.printf(Locale.ROOT, "the model holds the weights of epoch %d of %d, the best validation loss%n",
          training.restoredEpoch(), training.epochs());
    }
  }

  /** The metrics under JSON keys, with how training ended. */
  static Map<String, Object> jsonMetrics(Map<String, Double> metrics, TrainingResult training) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      values.put(Json.key(m.getKey()), m.getValue());
    }
    values.put("stop_reason", training.reason().toString());
    values.put("epochs", training.epochs());
    values.put("restored_epoch", training.restoredEpoch());
    return values;
  }

  static String format(String key, double value) {
    if (key.contains("accuracy")) {
      return String.format(Locale.ROOT, "%.2f %%", 100 * value);
    }
    if (key.startsWith("epochs") || key.contains("samples")) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    if (key.startsWith("W ")) {
      return String.format(Locale.ROOT, "%.10f", value);
    }
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static String names() {
    return String.join(", ", EXAMPLES.stream().map(TrainingExample::name).toList());
  }
}
