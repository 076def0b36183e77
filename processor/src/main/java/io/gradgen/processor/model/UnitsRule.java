package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;

/** Every layer has at least one neuron. */
final class UnitsRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      if (layer.units() < 1) {
        problems.add(
            Problem.error(
                "units",
                Location.layer(i, "units"),
                "layer '"
                    + layer.name()
                    + "' must have at least 1 unit, but has "
                    + layer.units()
                    + "; write e.g. 'units = 4'"));
      }
    }
    return problems;
  }
}
