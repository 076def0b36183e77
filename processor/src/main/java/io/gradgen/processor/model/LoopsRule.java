package io.gradgen.processor.model;

import io.gradgen.CodeShape;
import io.gradgen.Precision;
import java.util.List;

/**
 * Loop code is written per layer from the layer's formulas, in double; custom functions and float
 * models need straight-line code.
 */
final class LoopsRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.code() == CodeShape.LOOPS && spec.usesCustomFunctions()) {
      return List.of(Problem.error("code-shape", Location.network("code"),
          "custom activations and losses are inlined into straight-line code and cannot be generated as loops;"
              + " use code = CodeShape.STRAIGHT_LINE (or AUTO)"));
    }
    if (spec.code() == CodeShape.LOOPS && spec.precision() == Precision.FLOAT) {
      return List.of(Problem.error("code-shape", Location.network("code"),
          "float models are generated as straight-line code only, for now;"
              + " use code = CodeShape.STRAIGHT_LINE (or AUTO), or precision = Precision.DOUBLE for loops"));
    }
    return List.of();
  }
}
