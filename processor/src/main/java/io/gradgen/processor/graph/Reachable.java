package io.gradgen.processor.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The nodes that roots depend on, in creation order (which is topological). */
public final class Reachable {
  private Reachable() {}

  /** Every node the roots reach through {@code edges}, the roots included, sorted by id. */
  public static List<Node> from(List<Node> roots, Function<Node, List<Node>> edges) {
    Set<Node> seen = new HashSet<>();
    List<Node> stack = new ArrayList<>(roots);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      if (seen.add(n)) {
        stack.addAll(edges.apply(n));
      }
    }
    List<Node> order = new ArrayList<>(seen);
    order.sort(Comparator.comparingInt(Node::id));
    return order;
  }

  /** Every node the roots need to be computed: a custom-gradient node needs only its value. */
  public static List<Node> computing(List<Node> roots) {
    return from(roots, Node::forwardArgs);
  }

  /** Every node the roots depend on through any argument. */
  public static List<Node> dependencies(List<Node> roots) {
    return from(roots, Node::args);
  }
}
