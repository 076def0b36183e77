package io.gradgen.processor.lower;

import io.gradgen.processor.ir.ElementFunction;
import java.util.List;

/**
 * An element function applied to per-unit values of a layer, as the loop code reads them: which
 * array each argument comes from. The emitter prints it with the indices of its loop.
 *
 * @param function the scalar function
 * @param operands where each argument comes from, in the function's argument order
 */
public record ElementCall(ElementFunction function, List<Operand> operands) {
  /** The per-unit arrays an element function reads. */
  public enum Operand {
    /** The layer's pre-activation z. */
    Z,
    /** The layer's output a (the network's output o for the last layer). */
    OUT,
    /** The gradient arriving at the layer's output, ∂E/∂a. */
    UP,
    /** The target t. */
    TARGET,
    /** The scalar Σ up·p of a softmax gate, the same for every unit. */
    DOT,
    /** The scalar Σ p·(up − Σ up·p), the rounding error of {@link #DOT}, the same for every unit. */
    RESIDUAL,
    /** The scalar Σ t of the sample's targets, the same for every unit. */
    TARGET_SUM
  }

  public ElementCall {
    operands = List.copyOf(operands);
    if (operands.size() != function.arity()) {
      throw new IllegalArgumentException(function.name() + " takes " + function.arity() + " operands, not " + operands.size());
    }
  }

  /** True when the call reads {@code operand}. */
  public boolean reads(Operand operand) {
    return operands.contains(operand);
  }
}
