package io.gradgen.processor.model;

import java.util.List;

/** A network reads at least one input. */
final class InputsRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.inputs() >= 1) {
      return List.of();
    }
    return List.of(
        Problem.error(
            "inputs",
            Location.network("inputs"),
            "inputs must be at least 1, but is " + spec.inputs() + "; write e.g. 'inputs = 2'"));
  }
}
