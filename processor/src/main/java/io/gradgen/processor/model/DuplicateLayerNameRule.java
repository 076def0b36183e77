package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each layer name names one layer's variables and parameters, so names are unique. */
final class DuplicateLayerNameRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      String name = spec.layers().get(i).name();
      Integer first = firstIndex.putIfAbsent(name, i);
      if (first != null) {
        problems.add(
            Problem.error(
                "duplicate-layer-name",
                Location.layer(i, "name"),
                "layer name \""
                    + name
                    + "\" is already used by layer "
                    + (first + 1)
                    + "; give each layer its own name, e.g. \""
                    + name
                    + (i + 1)
                    + "\""));
      }
    }
    return problems;
  }
}
