package io.gradgen.examples;

import io.gradgen.data.DataSet;
import io.gradgen.train.RegressionMetrics;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * docs/SEEDS.md §1: y = W·x learns W = 2 from W = 3 with the delta rule, in each of the three modes —
 * online (one sample per step), mini-batch (2 samples, shuffled) and full batch — until the mean
 * squared error is below 1e−14 (|W − 2| &lt; 5e−8).
 */
final class LineExample implements TrainingExample {
  static final double LEARNING_RATE = 0.05;
  static final double TARGET_LOSS = 1e-14;
  static final int MAX_EPOCHS = 1000;

  /** The three modes of docs/SEEDS.md §1, by name. */
  static final Map<String, UnaryOperator<Trainer.Builder>> MODES = modes();

  private static Map<String, UnaryOperator<Trainer.Builder>> modes() {
    Map<String, UnaryOperator<Trainer.Builder>> modes = new LinkedHashMap<>();
    modes.put("online", Trainer.Builder::online);
    modes.put("mini-batch", b -> b.miniBatch(2));
    modes.put("full batch", Trainer.Builder::fullBatch);
    return modes;
  }

  private final double start;

  /** Starts from W = {@code start}; the text starts from 3. */
  LineExample(double start) {
    this.start = start;
  }

  @Override
  public String name() {
    return "line";
  }

  @Override
  public String description() {
    return "docs/SEEDS.md §1: y = W·x learns W = 2 from W = 3, online, mini-batch and full batch";
  }

  @Override
  public int maxEpochs() {
    return MAX_EPOCHS;
  }

  /** Trains {@code model} from its current W in the mode called {@code mode} (a key of {@link #MODES}). */
  static TrainingResult train(LineNetModel model, String mode, long seed, TrainingListener listener) {
    return MODES.get(mode)
        .apply(Trainer.builder(new Sgd(LEARNING_RATE)))
        .seed(seed)
        .stopWhen(StopRule.targetLoss(TARGET_LOSS), StopRule.maxEpochs(MAX_EPOCHS))
        .listener(listener)
        .build()
        .fit(model, ExampleData.line());
  }

  @Override
  public ExampleResult run(long seed, Function<String, TrainingListener> listeners) {
    DataSet data = ExampleData.line();
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, double[]> curves = new LinkedHashMap<>();
    LineNetModel model = null;
    TrainingResult result = null;
    for (String mode : MODES.keySet()) {
      model = new LineNetModel(new double[] {start});
      result = train(model, mode, seed, listeners.apply("line, " + mode));
      metrics.put("W " + mode, model.parameters().get(0));
      metrics.put("epochs " + mode, (double) result.epochs());
      curves.put(mode, result.history().trainingLosses());
    }
    metrics.put("samples", (double) data.size());
    RegressionMetrics fit = RegressionMetrics.of(model, data);
    metrics.put("r2", fit.r2());
    metrics.put("rmse", fit.rmse());
    return new ExampleResult("line", model, List.of(), result, metrics, curves, List.of(), "");
  }
}
