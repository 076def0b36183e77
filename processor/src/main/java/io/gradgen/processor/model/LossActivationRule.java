package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Loss;
import java.util.List;

/**
 * A cross-entropy is defined on probabilities, and its fused, stable gradient needs the output
 * activation that makes them: sigmoid for binary, softmax for categorical.
 */
final class LossActivationRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.layers().isEmpty()) {
      return List.of();
    }
    Activation output = spec.outputLayer().activation();
    if (spec.loss() == Loss.BINARY_CROSS_ENTROPY && output != Activation.SIGMOID) {
      return List.of(mismatch(spec, "BINARY_CROSS_ENTROPY", "SIGMOID", output));
    }
    if (spec.loss() == Loss.CATEGORICAL_CROSS_ENTROPY && output != Activation.SOFTMAX) {
      return List.of(mismatch(spec, "CATEGORICAL_CROSS_ENTROPY", "SOFTMAX", output));
    }
    return List.of();
  }

  private static Problem mismatch(NetworkSpec spec, String loss, String needed, Activation actual) {
    return Problem.error(
        "loss-activation",
        Location.network("loss"),
        loss
            + " needs a "
            + needed
            + " output layer, but '"
            + spec.outputLayer().name()
            + "' uses "
            + actual
            + "; set activation = "
            + needed
            + " on the output layer or choose a squared-error loss");
  }
}
