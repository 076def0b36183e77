package io.gradgen.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tensor IR as text, one node a line in creation order: {@code %7 hidden_z [2] = add(%5, %6)}.
 * Deterministic, so a dump is a golden file; element functions print their name and formula.
 */
public final class IrPrinter {
  private IrPrinter() {}

  /** Every node {@code roots} depend on, then which roots are what. */
  public static String print(TensorGraph g, Map<String, Tensor> roots) {
    StringBuilder sb = new StringBuilder();
    Set<Tensor> seen = new java.util.HashSet<>();
    TreeMap<Integer, Tensor> order = new TreeMap<>();
    for (Tensor root : roots.values()) {
      for (Tensor n : TensorDifferentiator.dependencies(root)) {
        if (seen.add(n)) {
          order.put(n.id(), n);
        }
      }
    }
    for (Tensor n : order.values()) {
      sb.append(line(g, n)).append('\n');
    }
    for (Map.Entry<String, Tensor> e : roots.entrySet()) {
      sb.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  private static String line(TensorGraph g, Tensor n) {
    StringBuilder sb = new StringBuilder(n.toString());
    g.nameOf(n).ifPresent(name -> sb.append(' ').append(name));
    sb.append(' ').append(n.shape()).append(" = ").append(n.op().name().toLowerCase(java.util.Locale.ROOT));
    List<String> attributes = new ArrayList<>();
    if (n.layer() >= 0) {
      attributes.add("layer " + n.layer());
    }
    if (n.op() == TensorOp.CONSTANT) {
      attributes.add(Double.toString(n.value()));
    }
    n.function().ifPresent(f -> attributes.add(f.name() + "(" + String.join(", ", f.parameters()) + ") = " + f.formula()));
    if (!attributes.isEmpty()) {
      sb.append('[').append(String.join("; ", attributes)).append(']');
    }
    List<String> args = new ArrayList<>();
    for (Tensor a : n.args()) {
      args.add(a.toString());
    }
    sb.append('(').append(String.join(", ", args)).append(')');
    g.noteOf(n).ifPresent(note -> sb.append("  // ").append(note));
    return sb.toString();
  }
}
