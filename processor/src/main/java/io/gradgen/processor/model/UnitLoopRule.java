package io.gradgen.processor.model;

import io.gradgen.UnitLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer whose units loop code writes out has at most {@link #MAX_UNROLLED} units: each unit is a
 * local and a statement in every loop body, and a sum over the units is one expression, so wider
 * layers would pass the JIT limit (and javac's nesting depth) while gaining nothing.
 */
final class UnitLoopRule implements ValidationRule {
  static final int MAX_UNROLLED = 64;

  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      if (layer.unitLoop() == UnitLoop.UNROLLED && layer.units() > MAX_UNROLLED) {
        problems.add(Problem.error("unit-loop", Location.layer(i, "unitLoop"),
            "layer '" + layer.name() + "' has " + layer.units() + " units, too many to write out (at most "
                + MAX_UNROLLED + "); use unitLoop = UnitLoop.VECTORIZED or AUTO"));
      }
    }
    return problems;
  }
}
