package io.gradgen.processor.model;

import java.util.List;

/**
 * A network has at most {@link #MAX_LAYERS} layers: the methods that visit every layer (the
 * constructor, {@code forward}, {@code gradient}, the fused step) then stay under HotSpot's
 * 8,000-byte JIT limit: the largest, the batch scratch's constructor, takes about 55 bytes a layer.
 */
final class LayerCountRule implements ValidationRule {
  static final int MAX_LAYERS = 128;

  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.layers().size() <= MAX_LAYERS) {
      return List.of();
    }
    return List.of(Problem.error("layers", Location.network("layers"),
        "a network may have at most " + MAX_LAYERS + " layers, but this one has " + spec.layers().size()
            + "; use fewer, wider layers"));
  }
}
