package io.gradgen.examples;

import io.gradgen.data.DataSet;
import io.gradgen.train.Adam;
import io.gradgen.train.Initializer;
import io.gradgen.train.Metrics;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * XOR with the 2-4-1 {@link XorNet}: Xavier initialization, full-batch Adam, until the mean
 * cross-entropy is below 0.01. Accuracy is over the four rows (the whole problem).
 */
final class XorExample implements TrainingExample {
  static final int MAX_EPOCHS = 2000;
  static final double TARGET_LOSS = 0.01;

  @Override
  public String name() {
    return "xor";
  }

  @Override
  public String description() {
    return "XOR: 4 rows; 2-4-1 tanh/sigmoid network, full-batch Adam";
  }

  @Override
  public int maxEpochs() {
    return MAX_EPOCHS;
  }

  @Override
  public ExampleResult run(long seed, Function<String, TrainingListener> listeners) {
    DataSet data = ExampleData.xor();
    XorNetModel model = new XorNetModel();
    Initializer.xavier().initialize(model, seed);
    TrainingResult result =
        Trainer.builder(new Adam(0.05))
            .fullBatch()
            .seed(seed)
            .stopWhen(StopRule.targetLoss(TARGET_LOSS), StopRule.maxEpochs(MAX_EPOCHS))
            .listener(listeners.apply("xor"))
            .build()
            .fit(model, data);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", Metrics.accuracy(model, data));
    metrics.put("loss", Metrics.meanLoss(model, data));
    double[] y = new double[1];
    for (int i = 0; i < data.size(); i++) {
      double[] x = data.features(i);
      model.predict(x, y);
      metrics.put(String.format("p(%d xor %d)", (int) x[0], (int) x[1]), y[0]);
    }
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", result.history().trainingLosses());
    return new ExampleResult("xor", model, List.of(), result, metrics, curves);
  }
}
