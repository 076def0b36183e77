package io.gradgen.processor.ir;

import io.gradgen.processor.diff.Differentiator;
import io.gradgen.processor.graph.Evaluator;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.graph.Reachable;
import io.gradgen.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scalar function applied element by element ({@link TensorOp#MAP}, {@link TensorOp#ZIP}): its
 * body is a graph of the scalar IR over {@link Op#VAR} slots 0 … arity − 1.
 *
 * <p>Its derivatives are not written anywhere: {@link #vectorJacobian} differentiates the body with
 * the scalar gate rules, as the straight-line code does, so a built-in activation, a custom
 * {@code @Differentiable} one and a loss term all get their f′ the same way.
 */
public final class ElementFunction {
  private final String name;
  private final String formula;
  private final Graph graph;
  private final Node result;
  private final List<String> parameters;
  private final String gate;
  private final Map<Integer, ElementFunction> vjps = new HashMap<>();

  /**
   * @param name what the function is called ({@code sigmoid}, {@code swish}, {@code huber})
   * @param formula its definition as the report prints it ({@code 1 / (1 + e^−z)})
   * @param graph the graph holding the body
   * @param result the body's value
   * @param parameters the name of each {@link Op#VAR} slot, in slot order
   */
  public ElementFunction(String name, String formula, Graph graph, Node result, List<String> parameters) {
    this(name, formula, graph, result, parameters, name + " gate: up·∂" + name + ", derived from its body");
  }

  /**
   * The same, with the sentence that names its gate in generated comments ({@code sigmoid gate:
   * up·s(1−s)}).
   */
  public ElementFunction(
      String name, String formula, Graph graph, Node result, List<String> parameters, String gate) {
    this.gate = gate;
    this.name = name;
    this.formula = formula;
    this.graph = graph;
    // Simplified before anything differentiates it, as the straight-line pipeline does: the rules
    // then see the stable forms (z·σ(z), not z/(1 + e^−z), whose quotient rule gives 0·∞ at z = −1000).
    this.result = Simplifier.simplify(graph, List.of(result)).get(0);
    this.parameters = List.copyOf(parameters);
  }

  public String name() {
    return name;
  }

  public String formula() {
    return formula;
  }

  /** What its gate does backward, as the generated comments say it. */
  public String gate() {
    return gate;
  }

  public Graph graph() {
    return graph;
  }

  public Node result() {
    return result;
  }

  /** The name of each argument slot. */
  public List<String> parameters() {
    return parameters;
  }

  public int arity() {
    return parameters.size();
  }

  /** True when the body reads argument {@code slot}. */
  public boolean reads(int slot) {
    for (Node n : Reachable.computing(List.of(result))) {
      if (n.op() == Op.VAR && n.index() == slot) {
        return true;
      }
    }
    return false;
  }

  /** The function's value at {@code args}, computed as the generated code computes it. */
  public double apply(double... args) {
    if (args.length != arity()) {
      throw new IllegalArgumentException(name + " takes " + arity() + " arguments, not " + args.length);
    }
    return new Evaluator(new double[0], new double[0], new double[0], args).value(result);
  }

  /**
   * {@code up · ∂f/∂v_slot} as a function of {@code (up, v_0 … v_{k−1}, out)}, where {@code out}
   * is f's own value: derived by the scalar gate rules from {@code up·f}, and wherever the rules
   * reuse f's output (sigmoid's s·(1 − s), tanh's 1 − t²) it reads {@code out} instead of
   * computing f again. A select gate routes {@code up} itself, so an infinite or NaN upstream
   * gradient reaches only the branch that was taken.
   */
  public ElementFunction vectorJacobian(int slot) {
    return vjps.computeIfAbsent(slot, s -> deriveVectorJacobian(s, true));
  }

  /**
   * {@link #vectorJacobian}, without reading f's own output: for the functions whose output the
   * lowerings do not keep per element (a loss term, a gate), whose derivative recomputes what it
   * needs of f.
   */
  public ElementFunction vectorJacobianOfInputs(int slot) {
    return vjps.computeIfAbsent(-1 - slot, s -> deriveVectorJacobian(slot, false));
  }

  private ElementFunction deriveVectorJacobian(int slot, boolean readOutput) {
    int k = arity();
    Graph h = new Graph();
    Map<Node, Node> shifted = new HashMap<>();
    Node r = copy(result, graph, h, shifted, n -> n.op() == Op.VAR ? h.node(Op.VAR, List.of(), 0.0, n.index() + 1) : null);
    Node up = h.node(Op.VAR, List.of(), 0.0, 0);
    Node wrt = h.node(Op.VAR, List.of(), 0.0, slot + 1);
    // up may be a 0 that a select above routed (relu's untaken side): guarded where f′ may be ∞.
    Node gradient = Differentiator.differentiate(h, h.mul(up, r), List.of(wrt), "d" + name + "_", Set.of(up))
        .parameterGradients().get(0);
    Graph out = new Graph();
    Map<Node, Node> throughOutput = new HashMap<>();
    if (readOutput) {
      throughOutput.put(r, out.node(Op.VAR, List.of(), 0.0, k + 1));
    }
    Node body = copy(gradient, h, out, throughOutput, n -> n.op() == Op.VAR ? out.node(Op.VAR, List.of(), 0.0, n.index()) : null);
    body = Simplifier.simplify(out, List.of(body)).get(0);
    List<String> names = new ArrayList<>();
    names.add("up");
    names.addAll(parameters);
    names.add("out");
    String wrtName = parameters.get(slot);
    return new ElementFunction(
        "d" + name + "_d" + wrtName, "up·∂" + name + "/∂" + wrtName, out, body, names, gate);
  }

  /** The same function with argument {@code slot} fixed to {@code value}; the others keep their order. */
  public ElementFunction bind(int slot, double value) {
    Graph h = new Graph();
    Node body = copy(result, graph, h, new HashMap<>(), n -> {
      if (n.op() != Op.VAR) {
        return null;
      }
      if (n.index() == slot) {
        return h.constant(value);
      }
      return h.node(Op.VAR, List.of(), 0.0, n.index() > slot ? n.index() - 1 : n.index());
    });
    body = Simplifier.simplify(h, List.of(body)).get(0);
    List<String> names = new ArrayList<>(parameters);
    names.remove(slot);
    return new ElementFunction(name, formula, h, body, names, gate);
  }

  /**
   * The same function of the arguments in {@code keep} only (in that order): the others must be
   * unread.
   */
  public ElementFunction keeping(List<Integer> keep) {
    for (int slot = 0; slot < arity(); slot++) {
      if (!keep.contains(slot) && reads(slot)) {
        throw new IllegalArgumentException(name + " reads argument " + parameters.get(slot));
      }
    }
    Graph h = new Graph();
    Node body = copy(result, graph, h, new HashMap<>(),
        n -> n.op() == Op.VAR ? h.node(Op.VAR, List.of(), 0.0, keep.indexOf(n.index())) : null);
    List<String> names = new ArrayList<>();
    for (int slot : keep) {
      names.add(parameters.get(slot));
    }
    return new ElementFunction(name, formula, h, body, names, gate);
  }

  /**
   * The body copied into {@code into} with argument i replaced by {@code args.get(i)}: how
   * straight-line code applies the function to one element. Inner locals are named {@code prefix +
   * name + suffix} ({@code err3}).
   */
  public Node inline(Graph into, List<Node> args, String prefix, String suffix) {
    if (args.size() != arity()) {
      throw new IllegalArgumentException(name + " takes " + arity() + " arguments, not " + args.size());
    }
    Map<Node, Node> memo = new HashMap<>();
    for (Node n : Reachable.computing(List.of(result))) {
      if (n.op() == Op.VAR) {
        memo.put(n, args.get(n.index()));
      }
    }
    return copy(result, graph, into, memo, n -> null, prefix, suffix);
  }

  /** A leaf replacement: the node to use for a leaf of the source graph, or null to copy it. */
  private interface Leaves {
    Node replace(Node leaf);
  }

  /**
   * Copies {@code n} from {@code from} into {@code into} with the names of its inner nodes (the
   * locals of a custom function); {@code memo} may be pre-seeded with replacements.
   */
  private static Node copy(Node n, Graph from, Graph into, Map<Node, Node> memo, Leaves leaves) {
    return copy(n, from, into, memo, leaves, "", "");
  }

  private static Node copy(
      Node n, Graph from, Graph into, Map<Node, Node> memo, Leaves leaves, String prefix, String suffix) {
    Node done = memo.get(n);
    if (done != null) {
      return done;
    }
    Node copied = n.op().isLeaf() ? leaves.replace(n) : null;
    if (copied == null) {
      List<Node> args = new ArrayList<>();
      for (Node a : n.args()) {
        args.add(copy(a, from, into, memo, leaves, prefix, suffix));
      }
      copied = into.node(n.op(), args, n.value(), n.index());
      Node inner = copied;
      from.nameOf(n).ifPresent(name -> into.name(inner, prefix + name + suffix));
    }
    memo.put(n, copied);
    return copied;
  }

  @Override
  public String toString() {
    return name + "(" + String.join(", ", parameters) + ") = " + formula;
  }
}
