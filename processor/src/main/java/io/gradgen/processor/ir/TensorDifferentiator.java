package io.gradgen.processor.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode over the tensor IR: from ∂E/∂E = 1, visit the nodes from the loss back to the
 * parameters; a node's adjoint is the sum of what its consumers sent (fan-out sums), and its rule
 * in {@link TensorRules} passes it on. Only nodes on a path to a parameter receive adjoints.
 */
public final class TensorDifferentiator {
  private TensorDifferentiator() {}

  /**
   * The differentiated graph.
   *
   * @param loss the scalar differentiated
   * @param adjoints ∂loss/∂node for every node on a path from a parameter to the loss
   * @param parameterGradients ∂loss/∂θ for each parameter, in the order given
   */
  public record Backprop(Tensor loss, Map<Tensor, Tensor> adjoints, List<Tensor> parameterGradients) {
    /** The adjoint of {@code node}. */
    public Tensor adjoint(Tensor node) {
      Tensor a = adjoints.get(node);
      if (a == null) {
        throw new IllegalArgumentException(node + " receives no gradient");
      }
      return a;
    }
  }

  private record Contribution(Tensor adjoint, TensorOp from) {}

  /** ∂loss/∂θ for every θ in {@code parameters}; adjoints of named nodes are named {@code dE_<name>}. */
  public static Backprop differentiate(TensorGraph g, Tensor loss, List<Tensor> parameters) {
    if (loss.shape().rank() != 0) {
      throw new IllegalArgumentException("the loss must be a scalar, not " + loss.shape());
    }
    List<Tensor> order = dependencies(loss);
    Set<Tensor> active = new HashSet<>(parameters);
    for (Tensor n : order) {
      if (n.args().stream().anyMatch(active::contains)) {
        active.add(n);
      }
    }
    Map<Tensor, List<Contribution>> received = new LinkedHashMap<>();
    received.put(loss, List.of(new Contribution(g.constant(1.0), TensorOp.CONSTANT)));
    Map<Tensor, Tensor> adjoints = new LinkedHashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      Tensor node = order.get(i);
      List<Contribution> parts = received.get(node);
      if (parts == null || !active.contains(node)) {
        continue;
      }
      parts = new ArrayList<>(parts);
      Collections.reverse(parts); // consumers were visited last-first; sum them first-first
      List<Tensor> terms = new ArrayList<>();
      for (Contribution c : parts) {
        terms.add(c.adjoint());
      }
      Tensor adjoint = g.add(terms);
      adjoints.put(node, adjoint);
      if (adjoint.op().kind() != TensorOp.Kind.LEAF) { // a folded constant is shared: no note on it
        g.nameOf(node).ifPresent(name -> g.name(adjoint, "dE_" + name));
        g.note(adjoint, describe(parts));
      }
      if (node.op().kind() != TensorOp.Kind.DIFFERENTIABLE) {
        continue;
      }
      TensorRules.of(node.op()).rule().backward(node, adjoint, g, (arg, a) -> {
        Tensor target = node.arg(arg);
        if (!a.shape().equals(target.shape())) {
          throw new IllegalStateException(node.op() + " sent " + a.shape() + " to an argument of " + target.shape());
        }
        if (active.contains(target)) {
          received.computeIfAbsent(target, k -> new ArrayList<>()).add(new Contribution(a, node.op()));
        }
      });
    }
    List<Tensor> gradients = new ArrayList<>();
    for (Tensor p : parameters) {
      Tensor a = adjoints.get(p);
      if (a == null) {
        throw new IllegalStateException("the loss does not depend on parameter " + g.nameOf(p).orElse(p.toString()));
      }
      gradients.add(a);
    }
    return new Backprop(loss, adjoints, gradients);
  }

  private static String describe(List<Contribution> parts) {
    Set<String> gates = new LinkedHashSet<>();
    for (Contribution c : parts) {
      gates.add(c.from() == TensorOp.CONSTANT ? "dE/dE = 1" : TensorRules.of(c.from()).gate());
    }
    String joined = String.join("; ", gates);
    return parts.size() == 1 ? joined : "fan-out sums " + parts.size() + " paths: " + joined;
  }

  /** Every node {@code root} depends on, in creation (topological) order. */
  static List<Tensor> dependencies(Tensor root) {
    Set<Tensor> seen = new HashSet<>();
    List<Tensor> stack = new ArrayList<>(List.of(root));
    while (!stack.isEmpty()) {
      Tensor n = stack.remove(stack.size() - 1);
      if (seen.add(n)) {
        stack.addAll(n.args());
      }
    }
    List<Tensor> order = new ArrayList<>(seen);
    order.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return order;
  }

}
