package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.graph.Reachable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation by the gate rules: starting from ∂E/∂E = 1, visit the nodes from
 * the loss back to the parameters (reverse topological order); each node's gradient is the sum of
 * what its consumers sent it (fan-out sums), and its gate rule passes that on to its arguments.
 *
 * <p>Only nodes on a path to a parameter receive gradients: inputs and targets are constants of
 * the backward pass. Each gradient of a named forward node is named {@code dE_<name>} and carries
 * a note naming the gates it came through.
 *
 * <p>A select (a conditional, relu, max, min) routes its gradient to the branch taken and sends the
 * other branch an exact 0. That branch's values may be infinite or NaN where the result is finite
 * ({@code x == 0 ? 1 : sin(x)/x} at 0, {@code z > 30 ? z : ln(1 + e^z)} at 800), and every gate
 * rule multiplies or divides its upstream gradient by local values, so 0·∞ would turn the zero
 * into NaN. Every rule is linear in its upstream gradient, so a zero gradient sends zeros on; where
 * the upstream gradient may be such a routed zero and the contribution a rule built from it may be
 * non-finite ({@link Finiteness}), the contribution is guarded, {@code up == 0 ? 0 : contribution},
 * and no arithmetic ever runs on the untaken branch's zero.
 */
public final class Differentiator {
  private record Contribution(Node gradient, Op fromOp) {}

  private final Graph g;
  private final String prefix;
  private final Finiteness finiteness = new Finiteness();
  private final Map<Node, Boolean> routed = new HashMap<>();

  private Differentiator(Graph g, String prefix) {
    this.g = g;
    this.prefix = prefix;
  }

  /**
   * ∂loss/∂p for every parameter in {@code parameters}.
   *
   * @throws MissingGateRuleException if the loss depends on a parameter through an op with no
   *     gate rule
   */
  public static Gradient differentiate(Graph g, Node loss, List<Node> parameters) {
    return differentiate(g, loss, parameters, "dE_");
  }

  /**
   * ∂result/∂p for every leaf in {@code parameters}, naming the gradient of each named node {@code
   * prefix + name} ({@code dE_hidden_z0} for a loss, {@code dsse_e} for a function {@code sse}).
   */
  public static Gradient differentiate(Graph g, Node result, List<Node> parameters, String prefix) {
    return differentiate(g, result, parameters, prefix, Set.of());
  }

  /**
   * The same, where each node of {@code mayBeZero} may be an exact 0 routed from outside the graph:
   * an element function's upstream gradient {@code up}, which a select in the layer above may have
   * zeroed. What is built from it is then guarded like a routed zero of this graph.
   */
  public static Gradient differentiate(
      Graph g, Node result, List<Node> parameters, String prefix, Set<Node> mayBeZero) {
    Differentiator d = new Differentiator(g, prefix);
    for (Node n : mayBeZero) {
      d.routed.put(n, true);
    }
    return d.run(result, parameters);
  }

  private Gradient run(Node loss, List<Node> parameters) {
    List<Node> order = Reachable.dependencies(List.of(loss));
    Set<Node> active = dependsOn(order, new HashSet<>(parameters));
    Map<Node, List<Contribution>> received = new LinkedHashMap<>();
    received.put(loss, List.of(new Contribution(g.constant(1.0), Op.CONST)));
    Map<Node, Node> adjoints = new HashMap<>();
    Map<Node, String> notes = new HashMap<>();

    for (int i = order.size() - 1; i >= 0; i--) {
      Node node = order.get(i);
      List<Contribution> parts = received.get(node);
      if (parts == null || !active.contains(node)) {
        continue;
      }
      // Consumers were visited last-first; sum their contributions first-first, as one writes it.
      parts = new ArrayList<>(parts);
      Collections.reverse(parts);
      List<Node> terms = new ArrayList<>();
      for (Contribution c : parts) {
        terms.add(c.gradient());
      }
      Node adjoint = g.add(terms);
      adjoints.put(node, adjoint);
      finiteness.assumeFinite(adjoint);
      boolean mayBeRoutedZero = mayBeRoutedZero(adjoint);
      String note = describe(parts);
      notes.put(node, note);
      nameAdjoint(node, adjoint, note);
      if (node.op().isLeaf()) {
        continue;
      }
      Gate gate = GateRules.of(node.op());
      gate.rule()
          .backward(
              node,
              adjoint,
              g,
              (argIndex, gradient) -> {
                Node arg = node.arg(argIndex);
                if (active.contains(arg)) {
                  Node sent = mayBeRoutedZero && !finiteness.isFinite(gradient)
                      ? guard(adjoint, gradient)
                      : gradient;
                  received
                      .computeIfAbsent(arg, k -> new ArrayList<>())
                      .add(new Contribution(sent, node.op()));
                }
              });
    }

    List<Node> gradients = new ArrayList<>();
    List<String> parameterNotes = new ArrayList<>();
    for (Node p : parameters) {
      gradients.add(adjoints.getOrDefault(p, g.constant(0.0)));
      parameterNotes.add(notes.getOrDefault(p, "E does not depend on this parameter"));
    }
    return new Gradient(g, loss, gradients, parameterNotes);
  }

  /** {@code up == 0 ? 0 : contribution}: a zero gradient passes on as 0, with no arithmetic. */
  private Node guard(Node up, Node contribution) {
    Node zero = g.constant(0.0);
    return g.node(Op.IF_EQUAL, up, zero, zero, contribution);
  }

  /**
   * True when {@code n} may be an exact 0 that a select routed (it depends on a conditional or a
   * sign, which relu, max, min and |a| produce): computed without recursion, memoized.
   */
  private boolean mayBeRoutedZero(Node root) {
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node n = stack.get(stack.size() - 1);
      if (routed.containsKey(n)) {
        stack.remove(stack.size() - 1);
        continue;
      }
      boolean ready = true;
      boolean any = isRouting(n.op());
      for (Node a : n.args()) {
        Boolean known = routed.get(a);
        if (known == null) {
          stack.add(a);
          ready = false;
        } else {
          any |= known;
        }
      }
      if (ready) {
        routed.put(n, any);
        stack.remove(stack.size() - 1);
      }
    }
    return routed.get(root);
  }

  private static boolean isRouting(Op op) {
    return switch (op) {
      case IF_POSITIVE, IF_GREATER_OR_EQUAL, IF_GREATER, IF_EQUAL, SIGN -> true;
      default -> false;
    };
  }

  private void nameAdjoint(Node node, Node adjoint, String note) {
    g.nameOf(node).ifPresent(name -> g.name(adjoint, prefix + name));
    g.note(adjoint, note);
  }

  /** "sigmoid gate: up·s·(1 − s)" for one consumer; the fan-out sum for several. */
  private static String describe(List<Contribution> parts) {
    if (parts.size() == 1) {
      return gateOf(parts.get(0));
    }
    Set<String> gates = new LinkedHashSet<>();
    for (Contribution c : parts) {
      gates.add(gateOf(c));
    }
    return "fan-out sums " + parts.size() + " paths: " + String.join("; ", gates);
  }

  private static String gateOf(Contribution c) {
    return c.fromOp() == Op.CONST ? "dE/dE = 1" : GateRules.of(c.fromOp()).description();
  }

  private static Set<Node> dependsOn(List<Node> order, Set<Node> parameters) {
    Set<Node> active = new HashSet<>();
    for (Node n : order) {
      if (parameters.contains(n) || n.args().stream().anyMatch(active::contains)) {
        active.add(n);
      }
    }
    return active;
  }
}
