package io.gradgen.processor.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An append-only, interning store of {@link Node}s, with the names and notes the later stages
 * print.
 *
 * <p>Building the same expression twice returns the same node (hash-consing), which is common
 * sub-expression elimination. Names are hints for readable locals ({@code hidden_z0}); notes are
 * the one-line comments emitted above them.
 */
public final class Graph {
  private record Key(Op op, List<Integer> argIds, long valueBits, int index) {}

  private final Map<Key, Node> interned = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<Node, String> names = new HashMap<>();
  private final Map<Node, String> notes = new HashMap<>();

  /** The node {@code op(args)} with the given literal value and index, created once. */
  public Node node(Op op, List<Node> args, double value, int index) {
    if (op.arity() >= 0 && args.size() != op.arity()) {
      throw new IllegalArgumentException(op + " takes " + op.arity() + " arguments, not " + args.size());
    }
    List<Integer> ids = new ArrayList<>(args.size());
    for (Node arg : args) {
      ids.add(Objects.requireNonNull(arg, "argument").id());
    }
    // Normalize -0.0 so that the two zeros intern to one node.
    double v = value == 0.0 ? 0.0 : value;
    Key key = new Key(op, ids, Double.doubleToLongBits(v), index);
    Node existing = interned.get(key);
    if (existing != null) {
      return existing;
    }
    Node created = new Node(nodes.size(), op, args, v, index);
    nodes.add(created);
    interned.put(key, created);
    return created;
  }

  public Node node(Op op, Node... args) {
    return node(op, List.of(args), 0.0, 0);
  }

  public Node constant(double value) {
    return node(Op.CONST, List.of(), value, 0);
  }

  public Node input(int index) {
    return node(Op.INPUT, List.of(), 0.0, index);
  }

  public Node target(int index) {
    return node(Op.TARGET, List.of(), 0.0, index);
  }

  public Node param(int index) {
    return node(Op.PARAM, List.of(), 0.0, index);
  }

  public Node add(List<Node> terms) {
    return terms.size() == 1 ? terms.get(0) : node(Op.ADD, terms, 0.0, 0);
  }

  public Node add(Node a, Node b) {
    return node(Op.ADD, a, b);
  }

  public Node sub(Node a, Node b) {
    return node(Op.SUB, a, b);
  }

  public Node mul(Node a, Node b) {
    return node(Op.MUL, a, b);
  }

  public Node div(Node a, Node b) {
    return node(Op.DIV, a, b);
  }

  public Node neg(Node a) {
    return node(Op.NEG, a);
  }

  /** How many nodes the graph holds, without copying them. */
  public int size() {
    return nodes.size();
  }

  /** Every node ever created, in creation (topological) order. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** Names {@code node} for the generated code, unless it already has a name. */
  public void name(Node node, String name) {
    names.putIfAbsent(node, name);
  }

  /**
   * Names {@code node} even if it has a name already: the role a builder gives a value (a layer's
   * activation, the loss) wins over the name of the local that computed it.
   */
  public void rename(Node node, String name) {
    names.put(node, name);
  }

  /** The name hint of {@code node}, if it has one. */
  public Optional<String> nameOf(Node node) {
    return Optional.ofNullable(names.get(node));
  }

  /** Attaches a one-line comment to {@code node}, unless it already has one. */
  public void note(Node node, String note) {
    notes.putIfAbsent(node, note);
  }

  /** The note of {@code node}, if it has one. */
  public Optional<String> noteOf(Node node) {
    return Optional.ofNullable(notes.get(node));
  }
}
