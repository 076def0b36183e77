package io.gradgen.processor.lower;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.ir.ElementFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    TARGET_SUM,
    /** The scalar 1 − max p of a softmax output, summed from its other outputs, the same for every unit. */
    REST,
    /** The scalar ∂E/∂rest of {@link #REST}, the same for every unit. */
    REST_UP
  }

  public ElementCall {
    operands = List.copyOf(operands);
    if (operands.size() != function.arity()) {
      throw new IllegalArgumentException(function.name() + " takes " + function.arity() + " operands, not " + operands.size());
    }
  }

  /**
   * {@code this + other} as one call: the two functions' bodies added, over the operands either
   * reads (each once, in first-read order).
   */
  public ElementCall plus(ElementCall other) {
    List<Operand> union = new ArrayList<>(operands);
    for (Operand o : other.operands) {
      if (!union.contains(o)) {
        union.add(o);
      }
    }
    Graph g = new Graph();
    List<Node> vars = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < union.size(); i++) {
      vars.add(g.node(Op.VAR, List.of(), 0.0, i));
      names.add(union.get(i).name().toLowerCase(Locale.ROOT));
    }
    Node sum = g.add(inlined(this, g, vars, union), inlined(other, g, vars, union));
    ElementFunction f = new ElementFunction(function.name() + "_plus_" + other.function.name(),
        function.formula() + " + " + other.function.formula(), g, sum, names);
    return new ElementCall(f, union);
  }

  private static Node inlined(ElementCall call, Graph g, List<Node> vars, List<Operand> union) {
    List<Node> args = new ArrayList<>();
    for (Operand o : call.operands) {
      args.add(vars.get(union.indexOf(o)));
    }
    return call.function.inline(g, args, "", "");
  }

  /** True when the call reads {@code operand}. */
  public boolean reads(Operand operand) {
    return operands.contains(operand);
  }
}
