package io.gradgen.processor.model;

import io.gradgen.CodeShape;

/**
 * Resolves {@link CodeShape#AUTO}: straight-line code while the estimated {@code gradient} method
 * stays within HotSpot's 8,000-byte JIT limit (where unrolled code is as fast as loops or faster,
 * see PERF-NOTES), loops past it, in either precision, custom functions included: both shapes are
 * lowered from the same differentiated graph.
 */
public final class CodeShapes {
  private CodeShapes() {}

  /** The shape the generated code of a valid {@code spec} takes: never {@code AUTO}. */
  public static CodeShape resolve(NetworkSpec spec) {
    if (spec.code() != CodeShape.AUTO) {
      return spec.code();
    }
    return SizeRule.estimatedGradientBytes(spec) <= SizeRule.JIT_LIMIT
        ? CodeShape.STRAIGHT_LINE
        : CodeShape.LOOPS;
  }
}
