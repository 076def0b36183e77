package io.gradgen.processor.report;

import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.ir.Tensor;
import io.gradgen.processor.ir.TensorGraph;
import io.gradgen.processor.ir.TensorOp;
import io.gradgen.processor.ir.TensorRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The picture of a large network, drawn from its differentiated tensor graph: one node per tensor
 * op, forward edges solid, and a dashed backward edge wherever the graph sends an adjoint, labelled
 * with the op's rule. Nothing is built per scalar, so any size draws at once.
 */
final class TensorPicture {
  private TensorPicture() {}

  static String dot(NetworkIr ir, StringBuilder header) {
    TensorGraph g = ir.graph();
    List<Tensor> nodes = forward(ir);
    StringBuilder dot = header;
    for (Tensor n : nodes) {
      dot.append("  n").append(n.id()).append(" [").append(style(ir, g, n)).append("];\n");
    }
    for (Tensor n : nodes) {
      List<Tensor> into = edgesInto(n);
      for (int i = 0; i < into.size(); i++) {
        Tensor arg = into.get(i);
        dot.append("  n").append(arg.id()).append(" -> n").append(n.id()).append(";\n");
        if (ir.backprop().adjoints().containsKey(arg) && ir.backprop().adjoints().containsKey(n)) {
          dot.append("  n").append(n.id()).append(" -> n").append(arg.id()).append(" [label=\"")
              .append(edgeLabel(n, i)).append("\", ").append(GraphPicture.BACKWARD).append("];\n");
        }
      }
    }
    return dot.append("}\n").toString();
  }

  /** The forward nodes the output and the loss depend on, in creation order. */
  private static List<Tensor> forward(NetworkIr ir) {
    Set<Tensor> seen = new HashSet<>();
    List<Tensor> stack = new ArrayList<>(List.of(ir.output(), ir.loss()));
    while (!stack.isEmpty()) {
      Tensor n = stack.remove(stack.size() - 1);
      if (seen.add(n)) {
        stack.addAll(edgesInto(n));
      }
    }
    List<Tensor> order = new ArrayList<>(seen);
    order.sort(Comparator.comparingInt(Tensor::id));
    return order;
  }

  /** The mathematical arguments: a fused cross-entropy reads the logits and targets, not its p. */
  private static List<Tensor> edgesInto(Tensor n) {
    return n.op() == TensorOp.SOFTMAX_CROSS_ENTROPY || n.op() == TensorOp.SIGMOID_CROSS_ENTROPY
        ? n.args().subList(0, 2)
        : n.args();
  }

  /** The part of the op's rule that goes to argument {@code i} ("δ·xᵀ" to W, "Wᵀ·δ" to x). */
  private static String edgeLabel(Tensor n, int i) {
    String[] parts = TensorRules.of(n.op()).edge().split(" \\| ");
    return parts.length > i ? parts[i] : parts[0];
  }

  private static String style(NetworkIr ir, TensorGraph g, Tensor n) {
    String name = g.nameOf(n).orElse("");
    String shape = n.shape().dims().isEmpty() ? "" : " (" + String.join("×", n.shape().dims().stream().map(String::valueOf).toList()) + ")";
    return switch (n.op()) {
      case INPUT -> "label=\"x" + shape + "\", shape=ellipse, style=filled, fillcolor=lightblue";
      case TARGET -> "label=\"t" + shape + "\", shape=ellipse, style=filled, fillcolor=lightgrey";
      case WEIGHTS -> "label=\"" + layer(ir, n) + ".W" + shape + "\", shape=box, style=filled, fillcolor=lightyellow";
      case BIAS -> "label=\"" + layer(ir, n) + ".b" + (shape.isEmpty() ? " (shared)" : shape)
          + "\", shape=box, style=filled, fillcolor=lightyellow";
      case CONSTANT -> "label=\"" + n.value() + "\", shape=plaintext";
      case SOFTMAX_CROSS_ENTROPY -> "label=\"E\\ncategorical cross-entropy\", shape=doublecircle";
      case SIGMOID_CROSS_ENTROPY -> "label=\"E\\nbinary cross-entropy\", shape=doublecircle";
      default -> "label=\"" + symbol(n) + (name.isEmpty() ? "" : "\\n" + name) + "\", shape="
          + (n == ir.loss() ? "doublecircle" : "circle");
    };
  }

  private static String layer(NetworkIr ir, Tensor n) {
    return ir.spec().layers().get(n.layer()).name();
  }

  private static String symbol(Tensor n) {
    return switch (n.op()) {
      case MATVEC -> "W·a";
      case MATVEC_T -> "Wᵀ·d";
      case OUTER -> "a·bᵀ";
      case ADD -> "+";
      case MUL -> "×";
      case BROADCAST -> "broadcast";
      case SUM -> "Σ";
      case MAP, ZIP -> n.fn().name().replace('_', ' ');
      case SOFTMAX -> "softmax";
      default -> n.op().name().toLowerCase(Locale.ROOT);
    };
  }
}
