package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Reachable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The derivative conventions at points where a computation is not differentiable, one sentence for
 * each kind of such operation the computation contains, for the generated documentation.
 */
public final class Conventions {
  private Conventions() {}

  /**
   * The conventions used when differentiating {@code roots}, in a stable order. Only operations a
   * gradient passes through count: the max that keeps a softmax stable does not.
   */
  public static List<String> of(List<Node> roots) {
    Set<String> found = new LinkedHashSet<>();
    for (Node n : Reachable.from(roots, Node::gradientArgs)) {
      String convention =
          switch (n.op()) {
            case ABS, SIGN -> "|x| has derivative sign(x), taken as 0 at x = 0";
            case RELU -> "relu has derivative 0 at z = 0";
            case MAX -> "max(a, b) passes the gradient to a on a tie";
            case MIN -> "min(a, b) passes the gradient to a on a tie";
            case IF_POSITIVE, IF_GREATER, IF_GREATER_OR_EQUAL, IF_EQUAL ->
                "a conditional passes the gradient to the branch taken; the condition contributes none";
            default -> null;
          };
      if (convention != null) {
        found.add(convention);
      }
    }
    return List.copyOf(found);
  }
}
