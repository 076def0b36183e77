package io.gradgen.examples;

import io.gradgen.DifferentiableModel;
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
import java.util.function.Supplier;

/**
 * XOR, the four rows no single neuron can separate, learned with Xavier initialization and
 * full-batch Adam until the mean loss is below a target. Accuracy is over the four rows (the whole
 * problem); an output of 0.5 or more reads as 1.
 */
final class XorExample implements TrainingExample {
  private final String name;
  private final String description;
  private final Supplier<DifferentiableModel> model;
  private final double learningRate;
  private final double targetLoss;
  private final int maxEpochs;

  private XorExample(
      String name,
      String description,
      Supplier<DifferentiableModel> model,
      double learningRate,
      double targetLoss,
      int maxEpochs) {
    this.name = name;
    this.description = description;
    this.model = model;
    this.learningRate = learningRate;
    this.targetLoss = targetLoss;
    this.maxEpochs = maxEpochs;
  }

  /** The 2-4-1 tanh/sigmoid {@link XorNet} with binary cross-entropy. */
  static XorExample classifier() {
    return new XorExample(
        "xor", "XOR: 4 rows; 2-4-1 tanh/sigmoid network, full-batch Adam", XorNetModel::new, 0.05, 0.01, 2000);
  }

  /** The 2-6-1 {@link RobustXorNet}: swish activation and Huber loss, both written in plain Java. */
  static XorExample robust() {
    return new XorExample(
        "robust-xor",
        "XOR as regression: swish hidden layer and Huber loss written in plain Java, full-batch Adam",
        RobustXorNetModel::new,
        0.02,
        0.005,
        3000);
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
    return maxEpochs;
  }

  /** The mean loss below which training stops. */
  double targetLoss() {
    return targetLoss;
  }

  @Override
  public ExampleResult run(long seed, Function<String, TrainingListener> listeners) {
    DataSet data = ExampleData.xor();
    DifferentiableModel net = model.get();
    Initializer.xavier().initialize(net, seed);
    TrainingResult result =
        Trainer.builder(new Adam(learningRate))
            .fullBatch()
            .seed(seed)
            .stopWhen(StopRule.targetLoss(targetLoss), StopRule.maxEpochs(maxEpochs))
            .listener(listeners.apply(name))
            .build()
            .fit(net, data);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", Metrics.accuracy(net, data));
    metrics.put("loss", Metrics.meanLoss(net, data));
    metrics.put("roc auc", Metrics.rocAuc(net, data));
    double[] y = new double[1];
    for (int i = 0; i < data.size(); i++) {
      double[] x = data.features(i);
      net.predict(x, y);
      metrics.put(String.format("output(%d xor %d)", (int) x[0], (int) x[1]), y[0]);
    }
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", result.history().trainingLosses());
    return new ExampleResult(name, net, List.of(), result, metrics, curves, List.of(), "");
  }
}
