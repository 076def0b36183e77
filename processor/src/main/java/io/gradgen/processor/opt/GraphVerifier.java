package io.gradgen.processor.opt;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the invariants every stage after the builder relies on: arities match their ops,
 * arguments come before the nodes that use them, and custom-gradient nodes are well formed. A
 * violation is a bug in gradgen, reported as an internal error.
 */
public final class GraphVerifier {
  private GraphVerifier() {}

  /** Throws {@link IllegalStateException} naming the first broken invariant below {@code roots}. */
  public static void verify(List<Node> roots) {
    Set<Node> seen = new HashSet<>();
    List<Node> stack = new ArrayList<>(roots);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      if (!seen.add(n)) {
        continue;
      }
      check(n);
      stack.addAll(n.args());
    }
  }

  private static void check(Node n) {
    Op op = n.op();
    if (op.arity() >= 0 && n.args().size() != op.arity()) {
      fail(n, op + " has " + n.args().size() + " arguments, expected " + op.arity());
    }
    if (op == Op.ADD && n.args().size() < 2) {
      fail(n, "ADD needs two or more arguments");
    }
    for (Node arg : n.args()) {
      if (arg.id() >= n.id()) {
        fail(n, "argument " + arg + " is not created before its user");
      }
    }
    if (op == Op.SOFTMAX && (n.args().size() % 2 != 0 || n.index() >= n.args().size() / 2)) {
      fail(n, "SOFTMAX needs n values and n logits, and a component below n");
    }
    if (op == Op.SOFTMAX_CROSS_ENTROPY && n.args().size() != 1 + 3 * n.index()) {
      fail(n, "SOFTMAX_CROSS_ENTROPY needs a value and n logits, outputs and targets");
    }
  }

  private static void fail(Node n, String message) {
    throw new IllegalStateException("invalid graph at " + n + " (" + n.op() + "): " + message);
  }
}
