package io.gradgen.processor.report;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.graph.Reachable;
import io.gradgen.processor.ir.ElementFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An element function's body in LaTeX: how the report shows a custom activation or loss and the
 * derivative the gate rules derived from it. A body is printed as an expression tree, unless the
 * tree would be long (a value reused by later statements is a shared node, printed again at every
 * use): then each shared subexpression is printed once, as u₁, u₂, … defined after the body.
 */
final class BodyTex {
  private static final int SUM = 0;
  private static final int PRODUCT = 1;
  /** Carries a superscript (e^{x}, a², a^{b}): a base must be parenthesized, as e^{x}^{2} is not TeX. */
  private static final int SUPERSCRIPT = 2;
  private static final int ATOM = 3;
  /** Past this many nodes in its tree, a body names its shared subexpressions. */
  private static final int TREE_LIMIT = 60;

  private record Printed(String tex, int precedence) {}

  private final List<String> names;
  private final Map<Node, String> sharedNames = new HashMap<>();

  private BodyTex(List<String> names) {
    this.names = names;
  }

  /** The body of {@code f} with its arguments named {@code names}. */
  static String of(ElementFunction f, List<String> names) {
    return new BodyTex(names).body(f.result());
  }

  private String body(Node root) {
    if (treeSize(root) <= TREE_LIMIT) {
      return print(root).tex();
    }
    List<String> definitions = new ArrayList<>();
    for (Node n : sharedInPostOrder(root)) {
      String name = "u_{" + (sharedNames.size() + 1) + "}";
      definitions.add(name + " = " + print(n).tex());
      sharedNames.put(n, name);
    }
    String tex = print(root).tex();
    return definitions.isEmpty() ? tex : tex + ", \\quad \\text{where } " + String.join(", \\; ", definitions);
  }

  /** The number of nodes of {@code root}'s expression tree, counted on the graph, stopping past the limit. */
  private static int treeSize(Node root) {
    Map<Node, Integer> size = new HashMap<>();
    for (Node n : Reachable.dependencies(List.of(root))) {
      int total = 1;
      for (Node a : n.args()) {
        total = Math.min(TREE_LIMIT + 1, total + size.get(a));
      }
      size.put(n, total);
    }
    return size.get(root);
  }

  /** The non-leaf nodes used more than once, each after the nodes it reads. */
  private static List<Node> sharedInPostOrder(Node root) {
    List<Node> order = Reachable.dependencies(List.of(root));
    Map<Node, Integer> uses = new HashMap<>();
    for (Node n : order) {
      for (Node a : n.args()) {
        uses.merge(a, 1, Integer::sum);
      }
    }
    List<Node> shared = new ArrayList<>();
    for (Node n : order) {
      if (uses.getOrDefault(n, 0) > 1 && n.op() != Op.CONST && n.op() != Op.VAR) {
        shared.add(n);
      }
    }
    return shared;
  }

  /**
   * ∂f/∂(argument {@code slot}) as the generated code computes it, with {@code out} standing for
   * f's own value: the derived vector-Jacobian product with the upstream gradient set to 1.
   */
  static String derivative(ElementFunction f, int slot, List<String> names, String out) {
    List<String> all = new ArrayList<>(names);
    all.add(out);
    return of(f.vectorJacobian(slot).bind(0, 1.0), all);
  }

  private String at(Node n, int min) {
    Printed p = print(n);
    return p.precedence() < min ? "\\left(" + p.tex() + "\\right)" : p.tex();
  }

  private Printed print(Node n) {
    String shared = sharedNames.get(n);
    if (shared != null) {
      return new Printed(shared, ATOM);
    }
    List<Node> a = n.args();
    return switch (n.op()) {
      case CONST -> new Printed(number(n.value()), n.value() < 0 ? SUM : ATOM);
      case VAR -> new Printed(names.get(n.index()), ATOM);
      case ADD -> {
        StringBuilder sb = new StringBuilder(at(a.get(0), SUM));
        for (int i = 1; i < a.size(); i++) {
          sb.append(" + ").append(at(a.get(i), PRODUCT));
        }
        yield new Printed(sb.toString(), SUM);
      }
      case SUB -> new Printed(at(a.get(0), SUM) + " - " + at(a.get(1), PRODUCT), SUM);
      case MUL -> new Printed(at(a.get(0), PRODUCT) + " \\cdot " + at(a.get(1), PRODUCT), PRODUCT);
      case DIV -> new Printed("\\frac{" + print(a.get(0)).tex() + "}{" + print(a.get(1)).tex() + "}", ATOM);
      case NEG -> new Printed("-" + at(a.get(0), PRODUCT), SUM);
      case SQUARE -> new Printed(at(a.get(0), ATOM) + "^2", SUPERSCRIPT);
      case EXP -> new Printed("e^{" + print(a.get(0)).tex() + "}", SUPERSCRIPT);
      case LOG -> call("\\ln", a);
      case LOG1P -> new Printed("\\ln\\left(1 + " + print(a.get(0)).tex() + "\\right)", ATOM);
      case ABS -> new Printed("\\left|" + print(a.get(0)).tex() + "\\right|", ATOM);
      case SIGN -> call("\\operatorname{sign}", a);
      case MAX -> call("\\max", a);
      case MIN -> call("\\min", a);
      case SQRT -> new Printed("\\sqrt{" + print(a.get(0)).tex() + "}", ATOM);
      case POW -> new Printed(at(a.get(0), ATOM) + "^{" + print(a.get(1)).tex() + "}", SUPERSCRIPT);
      case SIN -> call("\\sin", a);
      case COS -> call("\\cos", a);
      case SIGMOID -> call("\\sigma", a);
      case TANH -> call("\\tanh", a);
      case RELU -> new Printed("\\max\\left(0, " + print(a.get(0)).tex() + "\\right)", ATOM);
      case IF_POSITIVE -> select(print(a.get(0)).tex() + " > 0", a.get(1), null);
      case IF_GREATER_OR_EQUAL -> select(print(a.get(0)).tex() + " \\ge " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case IF_GREATER -> select(print(a.get(0)).tex() + " > " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case IF_EQUAL -> select(print(a.get(0)).tex() + " = " + print(a.get(1)).tex(), a.get(2), a.get(3));
      case INPUT, TARGET, PARAM, SOFTMAX, SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY ->
          throw new IllegalArgumentException(n.op() + " does not occur in an element function");
    };
  }

  private Printed select(String condition, Node then, Node otherwise) {
    String no = otherwise == null ? "0" : print(otherwise).tex();
    return new Printed("\\begin{cases} " + print(then).tex() + " & " + condition + " \\\\ " + no
        + " & \\text{otherwise} \\end{cases}", ATOM);
  }

  private Printed call(String function, List<Node> args) {
    StringBuilder sb = new StringBuilder(function).append("\\left(");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(print(args.get(i)).tex());
    }
    return new Printed(sb.append("\\right)").toString(), ATOM);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
