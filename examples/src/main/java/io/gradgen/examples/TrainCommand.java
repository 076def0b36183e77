package io.gradgen.examples;

import io.gradgen.io.WeightFile;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code train iris|wine|digits|xor|robust-xor|line [--seed N] [--chart FILE] [--save FILE]}: trains an example
 * network with a progress bar, prints its final metrics, writes its learning curve as a PNG chart
 * and, if asked, its weights and preprocessing as a weight file.
 */
final class TrainCommand implements Command {
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

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String usage() {
    return "train iris|wine|xor|line [--seed N] [--chart FILE.png] [--save FILE]   train an example,"
        + " print its metrics, chart its learning curve";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, out, err, ProgressListener.onTerminal());
  }

  int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
    TrainingExample example = null;
    long seed = DEFAULT_SEED;
    Path chart = null;
    Path save = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--seed") || arg.equals("--chart") || arg.equals("--save")) {
        if (i + 1 == args.size()) {
          err.println("train: " + arg + " needs a value");
          return 2;
        }
        String value = args.get(++i);
        if (arg.equals("--seed")) {
          try {
            seed = Long.parseLong(value);
          } catch (NumberFormatException e) {
            err.println("train: --seed needs a whole number, not '" + value + "'");
            return 2;
          }
        } else if (arg.equals("--chart")) {
          chart = Path.of(value);
        } else {
          save = Path.of(value);
        }
      } else if (example == null && !arg.startsWith("-")) {
        example = find(arg);
        if (example == null) {
          err.println("train: unknown example '" + arg + "' (expected " + names() + ")");
          return 2;
        }
      } else {
        err.println("train: unknown option '" + arg + "' (expected --seed, --chart or --save)");
        return 2;
      }
    }
    if (example == null) {
      err.println("train: which example? (" + names() + ")");
      return 2;
    }
    if (chart == null) {
      chart = Path.of("target", example.name() + "-learning-curve.png");
    }
    return train(example, seed, chart, save, out, err, terminal);
  }

  private int train(
      TrainingExample example, long seed, Path chart, Path save, PrintStream out, PrintStream err, boolean terminal) {
    out.println("Training " + example.description() + ", seed " + seed);
    int maxEpochs = example.maxEpochs();
    Function<String, TrainingListener> progress = task -> new ProgressListener(task, maxEpochs, err, terminal);
    ExampleResult result = example.run(seed, progress);
    TrainingResult training = result.training();
    out.println();
    out.printf(
        Locale.ROOT, "stopped: %s after %d epochs (%d steps, %.3f ms per epoch)%n",
        training.reason(), training.epochs(), training.iterations(),
        training.nanos() / 1e6 / Math.max(1, training.epochs()));
    if (training.restoredEpoch() >= 0) {
      out.printf(Locale.ROOT, "restored the weights of epoch %d (best validation loss)%n", training.restoredEpoch() + 1);
    }
    for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
      out.printf(Locale.ROOT, "  %-22s %s%n", metric.getKey(), format(metric.getKey(), metric.getValue()));
    }
    try {
      LearningCurveChart.write(chart, "gradgen: " + example.description(), result.curves(), example.name().equals("line"));
      out.println("learning curve: " + chart);
      if (save != null) {
        WeightFile.save(save, result.model(), result.preprocessing());
        out.println("weights: " + save);
      }
    } catch (IOException e) {
      err.println("train: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private static String format(String key, double value) {
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

  private static TrainingExample find(String name) {
    for (TrainingExample example : EXAMPLES) {
      if (example.name().equals(name)) {
        return example;
      }
    }
    return null;
  }

  private static String names() {
    return String.join(", ", EXAMPLES.stream().map(TrainingExample::name).toList());
  }
}
