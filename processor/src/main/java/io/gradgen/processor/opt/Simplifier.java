package io.gradgen.processor.opt;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@link Rewrites} table over everything the roots depend on, bottom-up, until nothing
 * changes; the {@link GraphVerifier} checks the result after every pass.
 *
 * <p>Interning makes common sub-expressions one node, and nodes the roots no longer reach are
 * simply never emitted (dead-code elimination). Names and notes move from a rewritten node to its
 * replacement, so {@code dE_hidden_z0} keeps its name however it was simplified.
 */
public final class Simplifier {
  /**
   * Passes after which the simplifier gives up with an internal error. Every rewrite either removes
   * an operation or moves a node towards one canonical form (constants first, negations folded),
   * so a fixed point comes after a few passes.
   */
  private static final int MAX_PASSES = 50;

  private final Graph g;
  private final Map<Node, Node> memo = new HashMap<>();

  private Simplifier(Graph g) {
    this.g = g;
  }

  /** The simplified roots, in the same order. */
  public static List<Node> simplify(Graph g, List<Node> roots) {
    List<Node> current = roots;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Node> next = new Simplifier(g).pass(current);
      GraphVerifier.verify(next);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    throw new IllegalStateException("simplification did not reach a fixed point");
  }

  private List<Node> pass(List<Node> roots) {
    List<Node> result = new ArrayList<>();
    for (Node root : roots) {
      result.add(simplified(root));
    }
    return result;
  }

  private Node simplified(Node n) {
    Node done = memo.get(n);
    if (done != null) {
      return done;
    }
    // Arguments first (explicit stack: deep graphs must not overflow the call stack).
    List<Node> stack = new ArrayList<>(List.of(n));
    while (!stack.isEmpty()) {
      Node top = stack.get(stack.size() - 1);
      if (memo.containsKey(top)) {
        stack.remove(stack.size() - 1);
        continue;
      }
      boolean ready = true;
      for (Node arg : top.args()) {
        if (!memo.containsKey(arg)) {
          stack.add(arg);
          ready = false;
        }
      }
      if (ready) {
        stack.remove(stack.size() - 1);
        memo.put(top, rewrite(top));
      }
    }
    return memo.get(n);
  }

  private Node rewrite(Node n) {
    List<Node> args = new ArrayList<>(n.args().size());
    for (Node arg : n.args()) {
      args.add(memo.get(arg));
    }
    Node current = g.node(n.op(), args, n.value(), n.index());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rewrite rule : Rewrites.ALL) {
        Optional<Node> replacement = rule.apply(current, g);
        if (replacement.isPresent() && replacement.get() != current) {
          current = replacement.get();
          changed = true;
          break;
        }
      }
    }
    if (current != n && g.nameOf(current).isEmpty()) {
      // A replacement that already has a name keeps its own name and note.
      Node target = current;
      g.nameOf(n).ifPresent(name -> g.name(target, name));
      g.noteOf(n).ifPresent(note -> g.note(target, note));
    }
    return current;
  }
}
