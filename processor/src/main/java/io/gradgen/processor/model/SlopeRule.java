package io.gradgen.processor.model;

import io.gradgen.Activation;
import java.util.ArrayList;
import java.util.List;

/** A leaky ReLU's slope is a finite number. */
final class SlopeRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      if (layer.activation() == Activation.LEAKY_RELU && !Double.isFinite(layer.slope())) {
        problems.add(
            Problem.error(
                "slope",
                Location.layer(i, "slope"),
                "layer '" + layer.name() + "' must have a finite slope, but has " + layer.slope()
                    + "; write e.g. 'slope = 0.01'"));
      }
    }
    return problems;
  }
}
