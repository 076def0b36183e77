package io.gradgen.processor.model;

import io.gradgen.CodeShape;

/**
 * Resolves {@link CodeShape#AUTO}: straight-line code while the estimated {@code gradient} method
 * stays within HotSpot's 8,000-byte JIT limit (where unrolled code is as fast as loops or faster,
 * see PERF-NOTES), loops past it, in either precision. Networks with custom functions stay
 * straight-line: their functions are inlined into it.
 */
public final class CodeShapes {
  private CodeShapes() {}

  /** The shape the generated code of a valid {@code spec} takes: never {@code AUTO}. */
  public static CodeShape resolve(NetworkSpec spec) {
    if (spec.code() != CodeShape.AUTO) {
      return spec.code();
    }
    if (spec.usesCustomFunctions()) {
      return CodeShape.STRAIGHT_LINE; // loops are written from the built-in activations and losses only
    }
    return SizeRule.estimatedGradientBytes(spec) <= SizeRule.JIT_LIMIT
        ? CodeShape.STRAIGHT_LINE
        : CodeShape.LOOPS;
  }
}
