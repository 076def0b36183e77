package io.gradgen.processor.lower;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.graph.Reachable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a set of root nodes into one straight-line method body.
 *
 * <p>The decisions, all made here so the emitter only prints:
 *
 * <ul>
 *   <li>what is computed: only what the roots need (dead code never appears);
 *   <li>which nodes become locals: every named node (a layer's {@code z} and {@code a}, a
 *       gradient {@code dE_…}) and every node used more than once; everything else is inlined
 *       into its single user;
 *   <li>the order: creation order, which puts the forward pass before the backward pass and each
 *       layer's gradients together; each store right after the last local it reads.
 * </ul>
 */
public final class Lowering {
  /** Names the generated method's parameters and fields already use. */
  private static final Set<String> RESERVED =
      Set.of(
          ArrayNames.INPUTS,
          ArrayNames.OUTPUTS,
          ArrayNames.TARGETS,
          ArrayNames.PARAMETERS,
          ArrayNames.GRADIENT,
          "parameters");

  /** The most terms one printed sum has; longer sums are split into partial sums. */
  static final int MAX_TERMS = 32;

  /** A value the method writes out. */
  public record Output(String array, int index, Node value, Statement.StoreKind kind, String comment) {}

  private final Graph g;
  private final Set<Node> forward;
  private final List<String> variables;
  private final Map<Node, String> locals = new HashMap<>();
  private final Set<String> usedNames = new HashSet<>(RESERVED);

  private Lowering(Graph g, Set<Node> forward, List<String> variables) {
    this.g = g;
    this.forward = forward;
    this.variables = variables;
    usedNames.addAll(variables);
  }

  /**
   * The body that writes {@code outputs} and returns {@code result} (if present).
   *
   * @param g the graph holding the nodes, with their names and notes
   * @param forward the nodes of the forward pass: any other local opens the backward section
   * @param outputs stores to emit
   * @param result the returned value, or an empty list for a {@code void} method
   */
  public static LoweredMethod lower(
      Graph g, Set<Node> forward, List<Output> outputs, List<Node> result) {
    return lower(g, forward, outputs, result, List.of());
  }

  /**
   * The same, for a body that also reads {@link Op#VAR} slots: slot {@code i} is printed as {@code
   * variables.get(i)} (an argument {@code w}, an element {@code x[3]}, a field {@code self.w}).
   */
  public static LoweredMethod lower(
      Graph g, Set<Node> forward, List<Output> outputs, List<Node> result, List<String> variables) {
    return lower(g, forward, outputs, result, variables, Set.of());
  }

  /** The same, never naming a local after one of {@code reserved} (the method's parameters). */
  public static LoweredMethod lower(
      Graph g,
      Set<Node> forward,
      List<Output> outputs,
      List<Node> result,
      List<String> variables,
      Set<String> reserved) {
    Lowering lowering = new Lowering(g, forward, variables);
    lowering.usedNames.addAll(reserved);
    return lowering.run(outputs, result);
  }

  private LoweredMethod run(List<Output> outputs, List<Node> result) {
    List<Node> roots = new ArrayList<>();
    for (Output o : outputs) {
      roots.add(o.value());
    }
    roots.addAll(result);
    List<Node> order = scheduled(roots);
    Map<Node, Integer> uses = useCounts(order, roots);

    List<Statement> body = new ArrayList<>();
    Map<Node, Integer> position = new HashMap<>();
    boolean backwardOpened = false;
    body.add(new Statement.Comment("forward pass"));
    for (Node n : order) {
      if (!needsLocal(n, uses)) {
        continue;
      }
      if (!backwardOpened && !forward.contains(n)) {
        body.add(
            new Statement.Comment(
                "backward pass: dE_v = ∂E/∂v, from the loss back to the parameters;"
                    + " 'up' is the gradient arriving at a gate's output"));
        backwardOpened = true;
      }
      String name = allocate(g.nameOf(n).orElseGet(() -> suggestedName(n)));
      Expr expr = longSum(valueOf(n)) ? partialSums(valueOf(n), name, body) : expression(valueOf(n), true);
      locals.put(n, name);
      position.put(n, body.size());
      body.add(new Statement.Local(name, expr, g.noteOf(n).orElse("")));
    }

    List<Output> sorted = new ArrayList<>(outputs);
    sorted.removeIf(o -> o.kind() != Statement.StoreKind.SET && o.value().isConstant(0.0));
    // Stable sort: stores keep their index order among those that become ready together.
    sorted.sort(Comparator.comparingInt(o -> lastLocalRead(o.value(), position)));
    if (sorted.stream().anyMatch(o -> o.kind() == Statement.StoreKind.DESCEND)) {
      // The delta rule writes the parameters that later gradients read: every update waits until
      // the whole backward pass is done, and none may read a parameter itself.
      for (Output o : sorted) {
        if (readsParameterInline(o.value())) {
          throw new IllegalStateException("the update of p[" + o.index() + "] reads a parameter directly");
        }
      }
      List<Statement> all = new ArrayList<>(body);
      all.add(new Statement.Comment("delta rule: p ← p − η·∂E/∂p, once every gradient is known"));
      for (Output o : sorted) {
        all.add(new Statement.Store(o.array(), o.index(), expression(o.value(), false), o.kind(), o.comment()));
      }
      for (Node r : result) {
        all.add(new Statement.Return(expression(r, false)));
      }
      return new LoweredMethod(all);
    }
    List<Statement> withStores = new ArrayList<>();
    int next = 0;
    for (int i = 0; i <= body.size(); i++) {
      while (next < sorted.size() && lastLocalRead(sorted.get(next).value(), position) < i) {
        Output o = sorted.get(next++);
        withStores.add(
            new Statement.Store(o.array(), o.index(), expression(o.value(), false), o.kind(), o.comment()));
      }
      if (i < body.size()) {
        withStores.add(body.get(i));
      }
    }
    for (Node r : result) {
      withStores.add(new Statement.Return(expression(r, false)));
    }
    return new LoweredMethod(withStores);
  }

  /** True when printing {@code n} reads a parameter directly, not through a local computed earlier. */
  private boolean readsParameterInline(Node n) {
    if (locals.containsKey(n)) {
      return false;
    }
    if (n.op() == Op.PARAM) {
      return true;
    }
    for (Node arg : n.forwardArgs()) {
      if (readsParameterInline(arg)) {
        return true;
      }
    }
    return false;
  }

  /** A custom-gradient node computes its value argument. */
  private static Node valueOf(Node n) {
    return n.op().hasCustomGradient() ? Op.valueArg(n) : n;
  }

  private boolean needsLocal(Node n, Map<Node, Integer> uses) {
    if (n.op().isLeaf()) {
      return false;
    }
    return g.nameOf(n).isPresent() || uses.getOrDefault(n, 0) > 1 || longSum(valueOf(n));
  }

  /**
   * Sums of more than {@link #MAX_TERMS} terms are split into partial sums: javac attributes a
   * chain {@code a + b + …} recursively, and a few hundred terms overflow its stack.
   */
  private static boolean longSum(Node n) {
    return n.op() == Op.ADD && n.args().size() > MAX_TERMS;
  }

  /** Emits {@code name_part0 = t0 + … + t31; …} and returns the sum of the parts. */
  private Expr partialSums(Node sum, String name, List<Statement> body) {
    List<Expr> terms = new ArrayList<>();
    for (Node arg : sum.args()) {
      terms.add(expression(arg, false));
    }
    int part = 0;
    while (terms.size() > MAX_TERMS) {
      List<Expr> parts = new ArrayList<>();
      for (int from = 0; from < terms.size(); from += MAX_TERMS) {
        String partName = allocate(name + "_part" + part++);
        body.add(new Statement.Local(partName,
            new Expr.Apply(Op.ADD, terms.subList(from, Math.min(terms.size(), from + MAX_TERMS))), ""));
        parts.add(new Expr.Ref(partName));
      }
      terms = parts;
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.Apply(Op.ADD, terms);
  }

  /**
   * The expression for {@code n}. When {@code defining} is true, {@code n} is the local being
   * defined, so it is expanded rather than referenced.
   */
  private Expr expression(Node n, boolean defining) {
    if (!defining && locals.containsKey(n)) {
      return new Expr.Ref(locals.get(n));
    }
    return switch (n.op()) {
      case CONST -> new Expr.Literal(n.value());
      case INPUT -> new Expr.Element(ArrayNames.INPUTS, n.index());
      case TARGET -> new Expr.Element(ArrayNames.TARGETS, n.index());
      case PARAM -> new Expr.Element(ArrayNames.PARAMETERS, n.index());
      case VAR -> new Expr.Ref(variables.get(n.index()));
      case SOFTMAX, SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> expression(valueOf(n), false);
      default -> {
        List<Expr> args = new ArrayList<>();
        for (Node arg : n.args()) {
          args.add(expression(arg, false));
        }
        yield new Expr.Apply(n.op(), args);
      }
    };
  }

  /** Index in the body of the last local {@code n} reads, or −1 if it reads none. */
  private static int lastLocalRead(Node n, Map<Node, Integer> position) {
    Integer own = position.get(n);
    if (own != null) {
      return own;
    }
    int last = -1;
    for (Node arg : forwardArgs(n)) {
      last = Math.max(last, lastLocalRead(arg, position));
    }
    return last;
  }

  private static List<Node> forwardArgs(Node n) {
    return n.forwardArgs();
  }

  /**
   * Everything the roots need, in an order that reads like the textbook: the forward pass before
   * the backward pass, and within each, by depth (a node's longest path from the leaves), so that
   * every unit of a layer comes before the next layer, in unit order. Arguments are always less
   * deep than their users, so this is a topological order. Ties go by name in natural order
   * ({@code dE_h_z2} before {@code dE_h_z10}), then by creation.
   */
  private List<Node> scheduled(List<Node> roots) {
    List<Node> order = Reachable.computing(roots);
    Map<Node, Integer> depth = new HashMap<>();
    for (Node n : order) {
      int d = 0;
      for (Node arg : forwardArgs(n)) {
        d = Math.max(d, depth.get(arg) + 1);
      }
      depth.put(n, d);
    }
    order.sort(
        Comparator.comparing((Node n) -> !forward.contains(n))
            .thenComparing(depth::get)
            .thenComparing(n -> g.nameOf(n).orElse(""), NaturalOrder.INSTANCE)
            .thenComparingInt(Node::id));
    return order;
  }

  /**
   * How often each node's value is read. A square reads its argument twice ({@code a * a}), so an
   * argument that is not a leaf becomes a local rather than being computed twice.
   */
  private static Map<Node, Integer> useCounts(List<Node> order, List<Node> roots) {
    Map<Node, Integer> uses = new HashMap<>();
    for (Node n : order) {
      int weight = n.op() == Op.SQUARE ? 2 : 1;
      for (Node arg : forwardArgs(n)) {
        uses.merge(arg, weight, Integer::sum);
      }
    }
    for (Node r : roots) {
      uses.merge(r, 1, Integer::sum);
    }
    return uses;
  }

  /**
   * A name for an unnamed value used more than once: the function applied to a named value
   * ({@code abs_d}, {@code exp_z}), or {@code tmp}.
   */
  private String suggestedName(Node n) {
    String function = switch (n.op()) {
      case ABS, EXP, LOG, LOG1P, SQRT, SIN, COS, TANH, SIGMOID, RELU, SIGN -> n.op().name().toLowerCase(java.util.Locale.ROOT);
      case SQUARE -> "sq";
      default -> "";
    };
    if (!function.isEmpty()) {
      Node arg = n.arg(0);
      String argName = nameOfValue(arg);
      if (argName != null) {
        return function + "_" + argName;
      }
      if (arg.op() == Op.NEG && nameOfValue(arg.arg(0)) != null) {
        return function + "_neg_" + nameOfValue(arg.arg(0)); // exp(-z): exp_neg_z
      }
      return function;
    }
    if (n.op() == Op.ADD && n.args().size() == 2 && n.arg(0).isConstant(1.0) && nameOfValue(n.arg(1)) != null) {
      return "one_plus_" + nameOfValue(n.arg(1));
    }
    // A shared value with no name of its own is named for what it computes, never "tmp".
    return switch (n.op()) {
      case ADD -> "sum";
      case SUB -> "difference";
      case MUL -> "product";
      case DIV -> "quotient";
      case NEG -> "negated";
      case MAX -> "larger";
      case MIN -> "smaller";
      case POW -> "power";
      case IF_POSITIVE, IF_GREATER_OR_EQUAL, IF_GREATER, IF_EQUAL -> "selected";
      default -> "value";
    };
  }

  /** The name a value prints as: its local's, or an argument's ({@code z} for {@code z[k]}). */
  private String nameOfValue(Node n) {
    String local = locals.get(n);
    if (local != null) {
      return local;
    }
    if (n.op() == Op.VAR) {
      String printed = variables.get(n.index());
      int end = 0;
      while (end < printed.length() && Character.isJavaIdentifierPart(printed.charAt(end))) {
        end++;
      }
      return end > 0 ? printed.substring(0, end) : null;
    }
    return null;
  }


  private String allocate(String wanted) {
    String name = wanted;
    int suffix = 2;
    while (!usedNames.add(name)) {
      name = wanted + "_" + suffix++;
    }
    return name;
  }
}
