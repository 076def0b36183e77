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
 * XOR learned by {@link RobustXorNet}, whose swish activation and Huber loss are plain Java
 * methods: full-batch Adam until the mean loss is below 0.005. An output of 0.5 or more reads as 1.
 */
final class RobustXorExample implements TrainingExample {
  static final int MAX_EPOCHS = 3000;
  static final double TARGET_LOSS = 0.005;

  @Override
  public String name() {
    return "robust-xor";
  }

  @Override
  public String description() {
    return "XOR as regression: swish hidden layer and Huber loss written in plain Java, full-batch Adam";
  }

  @Override
  public int maxEpochs() {
    return MAX_EPOCHS;
  }

  @Override
  public ExampleResult run(long seed, Function<String, TrainingListener> listeners) {
    DataSet data = ExampleData.xor();
    RobustXorNetModel model = new RobustXorNetModel();
    Initializer.xavier().initialize(model, seed);
    TrainingResult result =
        Trainer.builder(new Adam(0.02))
            .fullBatch()
            .seed(seed)
            .stopWhen(StopRule.targetLoss(TARGET_LOSS), StopRule.maxEpochs(MAX_EPOCHS))
            .listener(listeners.apply(name()))
            .build()
            .fit(model, data);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", Metrics.accuracy(model, data));
    metrics.put("loss", Metrics.meanLoss(model, data));
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", result.history().trainingLosses());
    return new ExampleResult(name(), model, List.of(), result, metrics, curves);
  }
}
