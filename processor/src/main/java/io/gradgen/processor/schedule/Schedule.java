package io.gradgen.processor.schedule;

import io.gradgen.CodeShape;
import io.gradgen.UnitLoop;
import io.gradgen.processor.model.CodeShapes;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How a network's differentiated graph is turned into code, decided apart from what it computes
 * (as Halide and TVM keep the schedule apart from the algorithm): the code shape, where the
 * parameters live, and per layer how loops run over its units. Every lowering reads it; no rule of
 * differentiation does, and no choice here changes a value beyond the rounding of a sum's order.
 *
 * @param shape straight-line code or loops (never {@code AUTO})
 * @param storage the parameters' layout behind the flat view
 * @param unitLoops per layer, how loop code runs over its units (never {@code AUTO}); for
 *     straight-line code every unit is written out
 */
public record Schedule(CodeShape shape, Storage storage, List<UnitLoop> unitLoops) {
  /** Where the parameters live. */
  public enum Storage {
    /** One flat array in the documented order: straight-line code indexes it with constants. */
    FLAT,
    /**
     * Per layer one array per input, the weights from that input to every unit, and the biases:
     * the layout whose loops over the units C2 vectorizes (a dot product over a row is a reduction
     * it does not vectorize).
     */
    BY_COLUMN
  }

  /**
   * Layers of at most this many units keep their sums, δ and η·δ in locals under {@link
   * UnitLoop#AUTO}: a loop that short costs more in vector set-up and remainder than it gains.
   * Measured with {@code bench} on 64-32-10 (predict): its 10-unit output layer in locals 424 ns
   * against 481 ns as a vector loop; with the 32-unit hidden layer in locals too (the limit at 32),
   * 760 ns, because 32 sums no longer fit in the 16 vector registers.
   */
  public static final int FEW_UNITS = 16;

  /**
   * Columns a wide layer's forward pass adds to z at once: the loop over the units is bound by its
   * loads and stores of z, so each pass does this many multiply-adds per element of z
   * (64-32-10 predict: 437 → 282 ns).
   */
  public static final int COLUMNS_PER_PASS = 4;

  /** Rows of a batch processed together, held as [unit][row]: each weight is read once per chunk. */
  public static final int BATCH_ROWS = 64;

  public Schedule {
    unitLoops = List.copyOf(unitLoops);
    if (shape == CodeShape.AUTO || unitLoops.contains(UnitLoop.AUTO)) {
      throw new IllegalArgumentException("a schedule decides: " + shape + ", " + unitLoops);
    }
  }

  /** The schedule of a validated spec: its declared choices, and the measured rules for AUTO. */
  public static Schedule of(NetworkSpec spec) {
    CodeShape shape = CodeShapes.resolve(spec);
    List<UnitLoop> loops = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      loops.add(resolve(layer));
    }
    return new Schedule(shape, shape == CodeShape.LOOPS ? Storage.BY_COLUMN : Storage.FLAT, loops);
  }

  private static UnitLoop resolve(LayerSpec layer) {
    if (layer.unitLoop() != UnitLoop.AUTO) {
      return layer.unitLoop();
    }
    return layer.units() <= FEW_UNITS ? UnitLoop.UNROLLED : UnitLoop.VECTORIZED;
  }

  /** True when loop code writes layer {@code i}'s units out, one local each. */
  public boolean unitsInLocals(int i) {
    return unitLoops.get(i) == UnitLoop.UNROLLED;
  }
}
