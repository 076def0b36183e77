package io.gradgen.processor.model;

import java.util.List;

/** A network has at least one layer: the last one is its output. */
final class LayersPresentRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (!spec.layers().isEmpty()) {
      return List.of();
    }
    return List.of(
        Problem.error(
            "no-layers",
            Location.network("layers"),
            "a network needs at least one layer, the last being the output layer; write e.g."
                + " 'layers = {@Dense(name = \"output\", units = 1)}'"));
  }
}
