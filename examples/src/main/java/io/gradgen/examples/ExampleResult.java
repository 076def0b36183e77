package io.gradgen.examples;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.Preprocessor;
import io.gradgen.train.TrainingResult;
import java.util.List;
import java.util.Map;

/**
 * What a training example produced.
 *
 * @param name the example's name
 * @param model the trained model
 * @param preprocessing what the inputs go through before the model, fitted on the training split
 * @param training how the (last) training run ended
 * @param metrics named figures in display order (accuracies as fractions, losses, weights)
 * @param curves named loss series per epoch for the learning-curve chart
 * @param labels the class names of the model's outputs, empty when they are not classes
 * @param report more to print after the metrics (a confusion matrix), or ""
 */
public record ExampleResult(
    String name,
    DifferentiableModel model,
    List<Preprocessor> preprocessing,
    TrainingResult training,
    Map<String, Double> metrics,
    Map<String, double[]> curves,
    List<String> labels,
    String report) {

  /** The metric called {@code key}. */
  public double metric(String key) {
    Double value = metrics.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + key + "'; there are " + metrics.keySet());
    }
    return value;
  }
}
