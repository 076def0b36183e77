package io.gradgen.processor.model;

import io.gradgen.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * Softmax turns the output layer into class probabilities; it belongs on the last layer only, and
 * over one unit it is the constant 1.
 */
final class SoftmaxPlacementRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    int last = spec.layers().size() - 1;
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      if (layer.activation() != Activation.SOFTMAX) {
        continue;
      }
      if (i != last) {
        problems.add(
            Problem.error(
                "softmax-placement",
                Location.layer(i, "activation"),
                "softmax is only allowed on the output layer, but layer '"
                    + layer.name()
                    + "' is hidden; use SIGMOID, TANH or RELU here"));
      } else if (layer.units() == 1) {
        problems.add(
            Problem.error(
                "softmax-units",
                Location.layer(i, "activation"),
                "softmax over 1 unit is always 1 and learns nothing; for two classes use"
                    + " activation = SIGMOID with loss = BINARY_CROSS_ENTROPY, or give the layer"
                    + " one unit per class"));
      }
    }
    return problems;
  }
}
