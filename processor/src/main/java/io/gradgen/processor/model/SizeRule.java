package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.CodeShape;
import io.gradgen.Precision;
import java.util.List;

/**
 * Straight-line code grows with the network. This rule estimates the bytecode of its largest
 * body, {@code gradient}, from counts measured on generated classes (javap): about 26 bytes per
 * weight of the first layer (its inputs are array reads and send no gradient back), 39 per weight
 * of later layers, 80 per neuron, more for a custom activation's inlined body — an overestimate by
 * 5 to 40 % on the networks measured. {@code AUTO} switches to loops past {@link #JIT_LIMIT}.
 *
 * <p>A body past the JIT limit is split into parts that each stay under it ({@code
 * lower.MethodSplit}), so nothing runs interpreted. Past {@link #HARD_LIMIT} bytes straight-line
 * code is refused: an error that names loops, since such a network compiles slowly as straight-line
 * code and runs faster as loops.
 */
final class SizeRule implements ValidationRule {
  /** HotSpot's {@code HugeMethodLimit}: larger methods are never JIT-compiled. */
  static final int JIT_LIMIT = 8_000;

  /**
   * The most straight-line code a network may take: past it the scalar graph and javac's work grow
   * with every weight, while loops compile in constant time per layer and run faster.
   */
  static final int HARD_LIMIT = 60_000;

  private static final int FIRST_LAYER_WEIGHT = 26;
  private static final int WEIGHT = 39;
  private static final int NEURON = 80;
  private static final int CUSTOM_NODE = 12;
  private static final int FIXED = 2_000;
  private static final int FLOAT_PERCENT = 115;

  @Override
  public List<Problem> check(NetworkSpec spec) {
    if (spec.inputs() < 1 || spec.layers().isEmpty() || spec.layers().stream().anyMatch(l -> l.units() < 1)) {
      return List.of(); // other rules report those; the estimate would be meaningless
    }
    if (CodeShapes.resolve(spec) == CodeShape.LOOPS) {
      return List.of(); // loops have no size limit, and AUTO switches to them past the JIT limit
    }
    long bytes = estimatedGradientBytes(spec);
    if (spec.precision() == Precision.FLOAT) {
      // Float code widens every stored value to double and rounds every store back: its methods
      // are 13 % larger than double code's (trainStep of 20-20-20: 32,886 bytes against 29,089).
      bytes = bytes * FLOAT_PERCENT / 100;
    }
    if (bytes > HARD_LIMIT) {
      return List.of(
          Problem.error(
              "size",
              Location.network("layers"),
              "this network is too large for straight-line code: its gradient would take about "
                  + bytes
                  + " bytes of bytecode, past the " + HARD_LIMIT + " that straight-line code allows;"
                  + " use fewer or smaller layers, or code = CodeShape.LOOPS (or AUTO)"));
    }
    return List.of();
  }

  /** The estimated bytecode size of the generated {@code gradient} method. */
  static long estimatedGradientBytes(NetworkSpec spec) {
    long bytes = FIXED;
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      long weights = (long) spec.fanIn(i) * layer.units();
      bytes += weights * (i == 0 ? FIRST_LAYER_WEIGHT : WEIGHT);
      long perNeuron = NEURON;
      if (layer.activation() == Activation.CUSTOM && spec.functions().containsKey(layer.function())) {
        perNeuron += CUSTOM_NODE * AstSize.of(spec.functions().get(layer.function()), spec.functions());
      }
      bytes += perNeuron * layer.units();
    }
    if (!spec.lossFunction().isEmpty() && spec.functions().containsKey(spec.lossFunction())) {
      bytes += (long) CUSTOM_NODE * AstSize.of(spec.functions().get(spec.lossFunction()), spec.functions()) * spec.outputs();
    }
    return bytes;
  }
}
