package io.gradgen.processor.model;

import io.gradgen.CodeShape;
import java.util.List;

/**
 * Loop code is written per layer from the formulas of the built-in activations and losses, in
 * double or float; custom functions are inlined into straight-line code and cannot be looped.
 */
final class LoopsRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.code() == CodeShape.LOOPS && spec.usesCustomFunctions()) {
      return List.of(Problem.error("code-shape", Location.network("code"),
          "custom activations and losses are inlined into straight-line code and cannot be generated as loops;"
              + " use code = CodeShape.STRAIGHT_LINE (or AUTO)"));
    }
    return List.of();
  }
}
