package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.CodeShape;
import io.gradgen.Precision;
import java.util.List;

/**
 * Straight-line code grows with the network. This rule estimates the bytecode of the largest
 * generated method, {@code gradient}, from counts measured on generated classes (javap): about 26
 * bytes per weight of the first layer (its inputs are array reads and send no gradient back), 39
 * per weight of later layers, 80 per neuron, more for a custom activation's inlined body — an
 * overestimate by 5 to 40 % on the networks measured.
 *
 * <p>Past {@link #JIT_LIMIT} bytes HotSpot never JIT-compiles the method and it runs interpreted,
 * 30–100× slower: a warning. Past {@link #HARD_LIMIT} bytes the class file's 64 KB limit per method
 * would fail the compilation: an error, with the reason, instead of javac's "code too large".
 */
final class SizeRule implements ValidationRule {
  /** HotSpot's {@code HugeMethodLimit}: larger methods are never JIT-compiled. */
  static final int JIT_LIMIT = 8_000;

  /** Kept below the class file's 65,535-byte limit per method, to absorb the estimate's error. */
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
              "this network is too large for straight-line code: its gradient method would take about "
                  + bytes
                  + " bytes of bytecode, past Java's 64 KB limit per method; use fewer or smaller layers,"
                  + " or code = CodeShape.LOOPS (or AUTO)"));
    }
    if (bytes > JIT_LIMIT) {
      return List.of(
          Problem.warning(
              "size",
              Location.network("layers"),
              "the straight-line gradient method of this network takes about "
                  + bytes
                  + " bytes of bytecode, past HotSpot's 8,000-byte JIT limit: it will run interpreted,"
                  + " much slower; smaller layers keep it compiled, or use code = CodeShape.AUTO or LOOPS"));
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
