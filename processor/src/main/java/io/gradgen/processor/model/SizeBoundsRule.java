package io.gradgen.processor.model;

import io.gradgen.Bias;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes gradgen can generate: every width (inputs, units) at most {@link #MAX_WIDTH}, and all the
 * parameters together at most {@link #MAX_PARAMETERS}, the longest array a JVM allocates (the
 * flat parameter and gradient arrays are indexed by {@code int}). Counted in {@code long}, so a
 * size near {@code Integer.MAX_VALUE} is this error, never an overflow inside gradgen.
 *
 * <p>The width bound keeps compile time and memory small: the derivation report writes one neuron
 * of each layer in full, a term per input.
 */
final class SizeBoundsRule implements ValidationRule {
  /** The widest input or layer. */
  static final int MAX_WIDTH = 1_000_000;

  /** {@code Integer.MAX_VALUE − 8}: the longest array HotSpot allocates. */
  static final long MAX_PARAMETERS = Integer.MAX_VALUE - 8L;

  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    if (spec.inputs() > MAX_WIDTH) {
      problems.add(Problem.error("size", Location.network("inputs"), "inputs = " + spec.inputs()
          + " is more than gradgen's " + MAX_WIDTH + " inputs; reduce the features first (e.g. with"
          + " Whitening.pca) or use inputs = " + MAX_WIDTH + " at most"));
    }
    long parameters = 0;
    long fanIn = Math.max(spec.inputs(), 0);
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      long units = Math.max(layer.units(), 0);
      if (layer.units() > MAX_WIDTH) {
        problems.add(Problem.error("size", Location.layer(i, "units"), "layer '" + layer.name() + "' has "
            + layer.units() + " units, more than gradgen's " + MAX_WIDTH + "; write e.g. 'units = 4096'"));
      }
      long biases = layer.bias() == Bias.PER_NEURON ? units : layer.bias() == Bias.SHARED ? 1 : 0;
      parameters += fanIn * units + biases; // at most 1e12 + 1e6 per layer: no overflow
      fanIn = units;
    }
    if (parameters > MAX_PARAMETERS) {
      problems.add(Problem.error("size", Location.network("layers"), "this network has " + parameters
          + " parameters, more than the " + MAX_PARAMETERS + " a Java array holds (gradgen keeps the"
          + " parameters and the gradient in flat arrays); use fewer or narrower layers"));
    }
    return problems;
  }
}
