package io.gradgen.processor.model;

import java.util.List;

/**
 * Straight-line code grows with the number of weights. Past {@link #JIT_LIMIT} weights the
 * gradient method outgrows HotSpot's 8,000-byte limit for JIT compilation (about 11 bytes per
 * multiply-add, three per weight) and runs interpreted; past {@link #HARD_LIMIT} it would outgrow
 * the class file's 64 KB limit per method and fail to compile.
 */
final class SizeRule implements ValidationRule {
  /** Weights above which the generated gradient method is no longer JIT-compiled. */
  static final int JIT_LIMIT = 220;

  /** Weights above which the generated methods would not compile at all. */
  static final int HARD_LIMIT = 1_500;

  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.inputs() < 1 || spec.layers().stream().anyMatch(l -> l.units() < 1)) {
      return List.of(); // other rules report those; the count would be meaningless
    }
    long weights = 0;
    for (int i = 0; i < spec.layers().size(); i++) {
      weights += (long) spec.fanIn(i) * spec.layers().get(i).units();
    }
    if (weights > HARD_LIMIT) {
      return List.of(
          Problem.error(
              "size",
              Location.network("layers"),
              "this network has "
                  + weights
                  + " weights, but straight-line code supports at most "
                  + HARD_LIMIT
                  + " (Java's 64 KB method limit); use fewer or smaller layers"));
    }
    if (weights > JIT_LIMIT) {
      return List.of(
          Problem.warning(
              "size",
              Location.network("layers"),
              "this network has "
                  + weights
                  + " weights; straight-line methods this large exceed HotSpot's 8,000-byte"
                  + " JIT limit and run interpreted, much slower; keep it under "
                  + JIT_LIMIT
                  + " weights for full speed"));
    }
    return List.of();
  }
}
