package io.gradgen.processor.graph;

import io.gradgen.processor.model.Ast;
import io.gradgen.processor.model.FunctionError;
import io.gradgen.processor.model.FunctionSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the graph of a {@code @Differentiable} method by executing its body symbolically: every
 * {@code double} value becomes a node, loops with constant bounds are unrolled, calls to other
 * differentiable methods are inlined, a conditional becomes a select node. Locals keep their names,
 * so the generated code reads like the method.
 */
public final class FunctionGraphBuilder {
  /** Past this many nodes an unrolled function is too large to generate as straight-line code. */
  static final int MAX_NODES = 200_000;

  /**
   * Past this many statements run while unrolling, a function is too large: a loop whose body adds
   * no node (or folds to constants) is stopped here, in bounded time, instead of by the node count.
   */
  static final long MAX_STATEMENTS = 1_000_000;

  /**
   * Past this many operations a function used as a network's activation or loss is too large: its
   * body and derivative are printed into the network's methods once per unit (straight-line) or
   * inside each loop (loops), and the later stages walk them recursively.
   */
  public static final int MAX_INLINED_NODES = 1_000;

  private long statements;
  private long inlineLimit = Long.MAX_VALUE;

  /** The value of an expression: a double (a node), an int (known at compile time), or an array. */
  private sealed interface Value {}

  private record Scalar(Node node) implements Value {}

  private record Int(int value) implements Value {}

  private record Array(String name) implements Value {}

  /**
   * A built function.
   *
   * @param graph the graph
   * @param result the function's value
   * @param wrt the leaves to differentiate with respect to, in gradient-array order
   * @param wrtNames what each gradient slot is the derivative with respect to ({@code w}, {@code x[2]})
   * @param variables how to print each {@link Op#VAR} slot
   */
  public record Built(Graph graph, Node result, List<Node> wrt, List<String> wrtNames, List<String> variables) {}

  private final Graph g;
  private final Map<String, FunctionSpec> functions;
  private final String selfName;
  private final List<String> variables = new ArrayList<>();
  private final Map<String, Node> variableNodes = new HashMap<>();
  /** Array elements read, per array argument of the top-level function: index → leaf. */
  private final Map<String, TreeMap<Integer, Node>> elements = new LinkedHashMap<>();
  private final Deque<String> calls = new ArrayDeque<>();
  /** The values of the enclosing loops' indices, outermost first: they suffix local names. */
  private final List<Integer> iteration = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  private FunctionGraphBuilder(Graph g, Map<String, FunctionSpec> functions, String selfName) {
    this.g = g;
    this.functions = functions;
    this.selfName = selfName;
  }

  /**
   * The graph of {@code f} over its own arguments and {@code @Parameter} fields (read through
   * {@code selfName}).
   *
   * @throws FunctionError on a construct that cannot be built (an index out of range, recursion)
   */
  public static Built build(FunctionSpec f, Map<String, FunctionSpec> functions, String selfName) {
    FunctionGraphBuilder b = new FunctionGraphBuilder(new Graph(), functions, selfName);
    Map<String, Value> env = new HashMap<>();
    for (String field : f.fields()) {
      env.put(field, new Scalar(b.variable(selfName + "." + field)));
    }
    for (FunctionSpec.Param p : f.parameters()) {
      env.put(p.name(), p.kind().isArray() ? new Array(p.name()) : new Scalar(b.variable(p.name())));
      if (p.kind().isArray()) {
        b.elements.put(p.name(), new TreeMap<>());
      }
    }
    b.calls.push(f.key());
    Node result = b.execute(f, env, "");
    b.g.name(result, f.name());
    List<Node> wrt = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : f.wrt()) {
      TreeMap<Integer, Node> read = b.elements.get(name);
      if (read == null) {
        Node leaf = f.fields().contains(name) ? b.variable(selfName + "." + name) : b.variable(name);
        wrt.add(leaf);
        names.add(name);
      } else {
        int length = read.isEmpty() ? 0 : read.lastKey() + 1;
        for (int i = 0; i < length; i++) {
          wrt.add(b.variable(name + "[" + i + "]"));
          names.add(name + "[" + i + "]");
        }
      }
    }
    return new Built(b.g, result, wrt, names, List.copyOf(b.variables));
  }

  /**
   * {@code f(args)} inlined into {@code g}, its locals named {@code prefix + local}.
   *
   * @throws FunctionError as {@link #build}
   */
  public static Node inline(Graph g, FunctionSpec f, Map<String, FunctionSpec> functions, List<Node> args, String prefix) {
    FunctionGraphBuilder b = new FunctionGraphBuilder(g, functions, "self");
    Map<String, Value> env = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      env.put(f.parameters().get(i).name(), new Scalar(args.get(i)));
    }
    b.calls.push(f.key());
    b.inlineLimit = g.size() + MAX_INLINED_NODES;
    return b.execute(f, env, prefix);
  }

  private Node variable(String text) {
    return variableNodes.computeIfAbsent(text, t -> {
      variables.add(t);
      return g.node(Op.VAR, List.of(), 0.0, variables.size() - 1);
    });
  }

  private Node execute(FunctionSpec f, Map<String, Value> env, String prefix) {
    for (Ast statement : f.body()) {
      if (statement instanceof Ast.Return r) {
        return scalar(eval(r.value(), env, prefix), r.value());
      }
      run(statement, env, prefix);
    }
    throw new FunctionError(f.at(), f.name() + " does not end with a return statement");
  }

  private void run(Ast s, Map<String, Value> env, String prefix) {
    if (g.size() > MAX_NODES) {
      throw new FunctionError(s.at(), "unrolled, this function has more than " + MAX_NODES
          + " operations; use fewer loop iterations");
    }
    if (g.size() > inlineLimit) {
      throw new FunctionError(s.at(), "unrolled, this function has more than " + MAX_INLINED_NODES
          + " operations, too many for a network's activation or loss, whose body and derivative are"
          + " printed inside the network's methods; use fewer loop iterations");
    }
    if (++statements > MAX_STATEMENTS) {
      throw new FunctionError(s.at(), "unrolled, this function runs more than " + MAX_STATEMENTS
          + " statements; use fewer loop iterations");
    }
    if (s instanceof Ast.Declare d) {
      Value v = eval(d.init(), env, prefix);
      if (d.isInt()) {
        env.put(d.name(), new Int(integer(v, d.init())));
      } else {
        Node n = scalar(v, d.init());
        name(n, prefix + d.name());
        env.put(d.name(), new Scalar(n));
      }
    } else if (s instanceof Ast.Assign a) {
      Value old = env.get(a.name());
      if (old == null) {
        throw new FunctionError(a.at(), "'" + a.name() + "' is not a local of this method");
      }
      if (old instanceof Array || old instanceof Int) {
        throw new FunctionError(a.at(), "only double locals can be assigned, not '" + a.name() + "'");
      }
      Value value = eval(a.value(), env, prefix);
      Node n = a.op().equals("=")
          ? scalar(value, a.value())
          : arithmetic(a.op(), ((Scalar) old).node(), scalar(value, a.value()));
      name(n, prefix + a.name());
      env.put(a.name(), new Scalar(n));
    } else if (s instanceof Ast.For loop) {
      int from = integer(eval(loop.from(), env, prefix), loop.from());
      int bound = integer(eval(loop.bound(), env, prefix), loop.bound());
      LoopBounds.check(loop, from, bound, MAX_STATEMENTS);
      Value shadowed = env.get(loop.index());
      for (int i = from; holds(loop.comparison(), i, bound); i += loop.step()) {
        env.put(loop.index(), new Int(i));
        iteration.add(i);
        for (Ast body : loop.body()) {
          run(body, env, prefix);
        }
        iteration.remove(iteration.size() - 1);
      }
      if (shadowed == null) {
        env.remove(loop.index());
      } else {
        env.put(loop.index(), shadowed);
      }
    } else {
      throw new FunctionError(s.at(), "unexpected statement");
    }
  }

  /**
   * Names a local's value after the local and the iteration it was computed in ({@code e_3} in the
   * fourth pass of a loop over i = 0…), so each unrolled value and its gradient have one name.
   */
  private void name(Node n, String local) {
    StringBuilder base = new StringBuilder(local);
    for (int i : iteration) {
      base.append('_').append(i < 0 ? "m" + -i : Integer.toString(i));
    }
    String name = base.toString();
    for (int version = 2; !names.add(name); version++) {
      name = base + "_v" + version;
    }
    g.name(n, name);
  }

  static boolean holds(String comparison, int a, int b) {
    return switch (comparison) {
      case "<" -> a < b;
      case "<=" -> a <= b;
      case ">" -> a > b;
      case ">=" -> a >= b;
      case "==" -> a == b;
      case "!=" -> a != b;
      default -> throw new IllegalArgumentException(comparison);
    };
  }

  private Value eval(Ast e, Map<String, Value> env, String prefix) {
    if (e instanceof Ast.Num num) {
      return num.isInt() ? new Int((int) num.value()) : new Scalar(g.constant(num.value()));
    }
    if (e instanceof Ast.Name name) {
      Value v = env.get(name.name());
      if (v == null) {
        throw new FunctionError(e.at(), "'" + name.name() + "' is not an argument, a local or a @Parameter field;"
            + " a @Differentiable method reads nothing else");
      }
      return v;
    }
    if (e instanceof Ast.Element element) {
      Value array = env.get(element.array());
      if (!(array instanceof Array a)) {
        throw new FunctionError(e.at(), "'" + element.array() + "' is not an array argument");
      }
      int index = integer(eval(element.index(), env, prefix), element.index());
      if (index < 0) {
        throw new FunctionError(e.at(), "index " + index + " of " + a.name() + " is negative");
      }
      String text = a.name() + "[" + index + "]";
      Node leaf = variable(text);
      TreeMap<Integer, Node> read = elements.get(a.name());
      if (read != null) {
        read.put(index, leaf);
      }
      return new Scalar(leaf);
    }
    if (e instanceof Ast.Unary u) {
      Value v = eval(u.operand(), env, prefix);
      return v instanceof Int i ? new Int(-i.value()) : new Scalar(g.neg(scalar(v, u.operand())));
    }
    if (e instanceof Ast.Binary b) {
      Value left = eval(b.left(), env, prefix);
      Value right = eval(b.right(), env, prefix);
      if (left instanceof Int l && right instanceof Int r) {
        return new Int(intArithmetic(b, l.value(), r.value()));
      }
      if (b.op().equals("%")) {
        throw new FunctionError(e.at(), "% is only allowed on ints (loop indices)");
      }
      return new Scalar(arithmetic(b.op(), scalar(left, b.left()), scalar(right, b.right())));
    }
    if (e instanceof Ast.Conditional c) {
      Ast.Binary cond = (Ast.Binary) c.condition();
      Value left = eval(cond.left(), env, prefix);
      Value right = eval(cond.right(), env, prefix);
      if (left instanceof Int l && right instanceof Int r) {
        return eval(holds(cond.op(), l.value(), r.value()) ? c.then() : c.otherwise(), env, prefix);
      }
      Node a = scalar(left, cond.left());
      Node bb = scalar(right, cond.right());
      Node then = scalar(eval(c.then(), env, prefix), c.then());
      Node otherwise = scalar(eval(c.otherwise(), env, prefix), c.otherwise());
      return new Scalar(switch (cond.op()) {
        case "<" -> g.node(Op.IF_GREATER, bb, a, then, otherwise);
        case "<=" -> g.node(Op.IF_GREATER_OR_EQUAL, bb, a, then, otherwise);
        case ">" -> g.node(Op.IF_GREATER, a, bb, then, otherwise);
        case ">=" -> g.node(Op.IF_GREATER_OR_EQUAL, a, bb, then, otherwise);
        case "==" -> g.node(Op.IF_EQUAL, a, bb, then, otherwise);
        case "!=" -> g.node(Op.IF_EQUAL, a, bb, otherwise, then);
        default -> throw new FunctionError(cond.at(), "unexpected comparison " + cond.op());
      });
    }
    if (e instanceof Ast.Call call) {
      return new Scalar(call(call, env, prefix));
    }
    throw new FunctionError(e.at(), "unexpected expression");
  }

  private int intArithmetic(Ast.Binary b, int l, int r) {
    return switch (b.op()) {
      case "+" -> l + r;
      case "-" -> l - r;
      case "*" -> l * r;
      case "/", "%" -> {
        if (r == 0) {
          throw new FunctionError(b.at(), "integer division by zero");
        }
        yield b.op().equals("/") ? l / r : l % r;
      }
      default -> throw new FunctionError(b.at(), "a comparison is only allowed as the condition of a ternary");
    };
  }

  private Node arithmetic(String op, Node a, Node b) {
    return switch (op) {
      case "+" -> g.add(a, b);
      case "-" -> g.sub(a, b);
      case "*" -> g.mul(a, b);
      case "/" -> g.div(a, b);
      default -> throw new IllegalArgumentException("a comparison is only allowed as the condition of a ternary");
    };
  }

  private Node call(Ast.Call call, Map<String, Value> env, String prefix) {
    List<Node> args = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    for (Ast arg : call.args()) {
      Value v = eval(arg, env, prefix);
      values.add(v);
      args.add(v instanceof Array ? null : scalar(v, arg));
    }
    String fn = call.function();
    if (fn.equals("(double)")) {
      return args.get(0);
    }
    if (fn.startsWith("Math.")) {
      return MathCalls.node(g, fn.substring(5), args, call);
    }
    // fn is the callee's key, f(double,double[]): the reader resolved the call among the overloads.
    FunctionSpec callee = functions.get(fn);
    if (callee == null) {
      throw new FunctionError(call.at(), "'" + fn + "' is not a @Differentiable static method of this class;"
          + " a @Differentiable method can call Math functions and other @Differentiable static methods");
    }
    if (!callee.isStatic()) {
      throw new FunctionError(call.at(), "'" + callee.name() + "' reads @Parameter fields; only static @Differentiable methods can be called");
    }
    if (calls.contains(fn)) {
      List<String> chain = new ArrayList<>();
      calls.descendingIterator().forEachRemaining(chain::add);
      throw new FunctionError(call.at(), "recursion (" + String.join(" → ", chain) + " → " + fn
          + ") cannot be inlined; write the computation with a for loop");
    }
    if (callee.parameters().size() != args.size()) {
      throw new FunctionError(call.at(), callee.name() + " takes " + callee.parameters().size() + " arguments");
    }
    Map<String, Value> calleeEnv = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      FunctionSpec.Param p = callee.parameters().get(i);
      Value v = values.get(i);
      if (p.kind().isArray() != (v instanceof Array)) {
        throw new FunctionError(call.args().get(i).at(), "argument " + (i + 1) + " of " + callee.name() + " must be a " + p.kind().java());
      }
      calleeEnv.put(p.name(), v instanceof Array ? v : new Scalar(args.get(i)));
    }
    calls.push(fn);
    try {
      return execute(callee, calleeEnv, prefix + callee.name() + "_");
    } finally {
      calls.pop();
    }
  }

  private Node scalar(Value v, Ast at) {
    if (v instanceof Scalar s) {
      return s.node();
    }
    if (v instanceof Int i) {
      return g.constant(i.value());
    }
    throw new FunctionError(at.at(), "an array cannot be used as a number; index it: x[i]");
  }

  private int integer(Value v, Ast at) {
    if (v instanceof Int i) {
      return i.value();
    }
    throw new FunctionError(at.at(), "loop bounds and subscripts must be int constants or loop indices");
  }
}
