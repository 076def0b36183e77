package io.gradgen.processor.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An append-only, interning store of {@link Tensor} nodes with their names and notes (side tables:
 * no pass mutates a node). The builders below check shapes, so an ill-shaped graph cannot be built.
 */
public final class TensorGraph {
  private record Key(TensorOp op, Shape shape, List<Integer> argIds, int layer, long valueBits, ElementFunction fn) {}

  private final Map<Key, Tensor> interned = new HashMap<>();
  private final List<Tensor> nodes = new ArrayList<>();
  private final Map<Tensor, String> names = new HashMap<>();
  private final Map<Tensor, String> notes = new HashMap<>();

  private Tensor node(TensorOp op, Shape shape, List<Tensor> args, int layer, double value, ElementFunction fn) {
    List<Integer> ids = new ArrayList<>(args.size());
    for (Tensor a : args) {
      ids.add(a.id());
    }
    double v = value == 0.0 ? 0.0 : value;
    Key key = new Key(op, shape, ids, layer, Double.doubleToLongBits(v), fn);
    Tensor existing = interned.get(key);
    if (existing != null) {
      return existing;
    }
    Tensor created = new Tensor(nodes.size(), op, shape, args, layer, v, fn);
    nodes.add(created);
    interned.put(key, created);
    return created;
  }

  public Tensor input(int n) {
    return node(TensorOp.INPUT, Shape.vector(n), List.of(), -1, 0, null);
  }

  public Tensor target(int n) {
    return node(TensorOp.TARGET, Shape.vector(n), List.of(), -1, 0, null);
  }

  /** The inputs of a batch, one column per row: [n][rows]. */
  public Tensor inputRows(int n, int rows) {
    return node(TensorOp.INPUT, Shape.matrix(n, rows), List.of(), -1, 0, null);
  }

  /** The targets of a batch, one column per row: [outputs][rows]. */
  public Tensor targetRows(int n, int rows) {
    return node(TensorOp.TARGET, Shape.matrix(n, rows), List.of(), -1, 0, null);
  }

  public Tensor matmul(Tensor w, Tensor x) {
    require(w.shape().rank() == 2 && x.shape().rank() == 2 && w.shape().dim(1) == x.shape().dim(0), "matmul", w, x);
    return node(TensorOp.MATMUL, Shape.matrix(w.shape().dim(0), x.shape().dim(1)), List.of(w, x), -1, 0, null);
  }

  public Tensor matmulT(Tensor w, Tensor d) {
    require(w.shape().rank() == 2 && d.shape().rank() == 2 && w.shape().dim(0) == d.shape().dim(0), "matmulT", w, d);
    return node(TensorOp.MATMUL_T, Shape.matrix(w.shape().dim(1), d.shape().dim(1)), List.of(w, d), -1, 0, null);
  }

  public Tensor matmulNT(Tensor a, Tensor b) {
    require(a.shape().rank() == 2 && b.shape().rank() == 2 && a.shape().dim(1) == b.shape().dim(1), "matmulNT", a, b);
    return node(TensorOp.MATMUL_NT, Shape.matrix(a.shape().dim(0), b.shape().dim(0)), List.of(a, b), -1, 0, null);
  }

  public Tensor rowBroadcast(Tensor v, int rows) {
    require(v.shape().rank() == 1, "rowBroadcast", v, v);
    return node(TensorOp.ROW_BROADCAST, Shape.matrix(v.shape().dim(0), rows), List.of(v), -1, 0, null);
  }

  public Tensor columnBroadcast(Tensor perRow, int units) {
    require(perRow.shape().rank() == 1, "columnBroadcast", perRow, perRow);
    return node(TensorOp.COLUMN_BROADCAST, Shape.matrix(units, perRow.shape().dim(0)), List.of(perRow), -1, 0, null);
  }

  public Tensor columnSum(Tensor m) {
    require(m.shape().rank() == 2, "columnSum", m, m);
    return node(TensorOp.COLUMN_SUM, Shape.vector(m.shape().dim(1)), List.of(m), -1, 0, null);
  }

  public Tensor rowSum(Tensor m) {
    require(m.shape().rank() == 2, "rowSum", m, m);
    return node(TensorOp.ROW_SUM, Shape.vector(m.shape().dim(0)), List.of(m), -1, 0, null);
  }

  public Tensor weights(int layer, int units, int inputs) {
    return node(TensorOp.WEIGHTS, Shape.matrix(units, inputs), List.of(), layer, 0, null);
  }

  /** A layer's biases: {@code shape} is a vector of its units, or a scalar for a shared bias. */
  public Tensor bias(int layer, Shape shape) {
    return node(TensorOp.BIAS, shape, List.of(), layer, 0, null);
  }

  public Tensor constant(double value) {
    return node(TensorOp.CONSTANT, Shape.scalar(), List.of(), -1, value, null);
  }

  public Tensor matvec(Tensor w, Tensor x) {
    require(w.shape().rank() == 2 && x.shape().rank() == 1 && w.shape().dim(1) == x.shape().dim(0), "matvec", w, x);
    return node(TensorOp.MATVEC, Shape.vector(w.shape().dim(0)), List.of(w, x), -1, 0, null);
  }

  public Tensor matvecT(Tensor w, Tensor d) {
    require(w.shape().rank() == 2 && d.shape().rank() == 1 && w.shape().dim(0) == d.shape().dim(0), "matvecT", w, d);
    return node(TensorOp.MATVEC_T, Shape.vector(w.shape().dim(1)), List.of(w, d), -1, 0, null);
  }

  public Tensor outer(Tensor a, Tensor b) {
    require(a.shape().rank() == 1 && b.shape().rank() == 1, "outer", a, b);
    return node(TensorOp.OUTER, Shape.matrix(a.shape().dim(0), b.shape().dim(0)), List.of(a, b), -1, 0, null);
  }

  public Tensor add(Tensor a, Tensor b) {
    require(a.shape().equals(b.shape()), "add", a, b);
    return node(TensorOp.ADD, a.shape(), List.of(a, b), -1, 0, null);
  }

  /** The sum of {@code terms} (fan-out sums), left to right; one term is itself. */
  public Tensor add(List<Tensor> terms) {
    Tensor sum = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      sum = add(sum, terms.get(i));
    }
    return sum;
  }

  /** {@code a ⊙ b}; two constants fold into one, and a constant 1 is dropped. */
  public Tensor mul(Tensor a, Tensor b) {
    require(a.shape().equals(b.shape()), "mul", a, b);
    if (a.op() == TensorOp.CONSTANT && b.op() == TensorOp.CONSTANT) {
      return constant(a.value() * b.value());
    }
    if (a.isConstant(1.0)) {
      return b;
    }
    if (b.isConstant(1.0)) {
      return a;
    }
    return node(TensorOp.MUL, a.shape(), List.of(a, b), -1, 0, null);
  }

  public Tensor broadcast(Tensor s, Shape to) {
    require(s.shape().rank() == 0 && to.rank() == 1, "broadcast", s, s);
    return node(TensorOp.BROADCAST, to, List.of(s), -1, 0, null);
  }

  public Tensor sum(Tensor v) {
    require(v.shape().rank() >= 1, "sum", v, v);
    return node(TensorOp.SUM, Shape.scalar(), List.of(v), -1, 0, null);
  }

  public Tensor map(ElementFunction f, Tensor v) {
    require(f.arity() == 1, "map of a " + f.arity() + "-argument function", v, v);
    return node(TensorOp.MAP, v.shape(), List.of(v), -1, 0, f);
  }

  public Tensor zip(ElementFunction f, List<Tensor> operands) {
    require(f.arity() == operands.size(), "zip of a " + f.arity() + "-argument function", operands.get(0), operands.get(0));
    for (Tensor o : operands) {
      require(o.shape().equals(operands.get(0).shape()), "zip", operands.get(0), o);
    }
    return node(TensorOp.ZIP, operands.get(0).shape(), operands, -1, 0, f);
  }

  public Tensor softmax(Tensor z) {
    require(z.shape().rank() >= 1, "softmax", z, z);
    return node(TensorOp.SOFTMAX, z.shape(), List.of(z), -1, 0, null);
  }

  /** Fused softmax cross-entropy of logits z and targets t; {@code p} = softmax(z), which its rule reads. */
  public Tensor softmaxCrossEntropy(Tensor z, Tensor t, Tensor p) {
    require(z.shape().equals(t.shape()) && p.op() == TensorOp.SOFTMAX && p.arg(0) == z, "softmax cross-entropy", z, t);
    return node(TensorOp.SOFTMAX_CROSS_ENTROPY, perRow(z), List.of(z, t, p), -1, 0, null);
  }

  /**
   * Fused sigmoid cross-entropy of logits z and targets t; {@code stable} is its per-element term of
   * (z, t), {@code o} = σ(z), which its rule reads.
   */
  public Tensor sigmoidCrossEntropy(ElementFunction stable, Tensor z, Tensor t, Tensor o) {
    require(z.shape().equals(t.shape()) && z.shape().equals(o.shape()) && stable.arity() == 2,
        "sigmoid cross-entropy", z, t);
    return node(TensorOp.SIGMOID_CROSS_ENTROPY, perRow(z), List.of(z, t, o), -1, 0, stable);
  }

  /** A loss's shape: a scalar for one sample, one value per row for a batch's [units][rows]. */
  private static Shape perRow(Tensor z) {
    return z.shape().rank() == 2 ? Shape.vector(z.shape().dim(1)) : Shape.scalar();
  }

  public Tensor update(Tensor parameter, Tensor gradient) {
    require(parameter.op().isParameter() && parameter.shape().equals(gradient.shape()), "update", parameter, gradient);
    return node(TensorOp.UPDATE, parameter.shape(), List.of(parameter, gradient), parameter.layer(), 0, null);
  }

  private static void require(boolean ok, String what, Tensor a, Tensor b) {
    if (!ok) {
      throw new IllegalArgumentException(what + " of shapes " + a.shape() + " and " + b.shape());
    }
  }

  /** Every node, in creation (topological) order. */
  public List<Tensor> nodes() {
    return List.copyOf(nodes);
  }

  /** Names {@code node} ({@code hidden_z}, {@code dE_hidden_z}) unless it has a name. */
  public void name(Tensor node, String name) {
    names.putIfAbsent(node, name);
  }

  public Optional<String> nameOf(Tensor node) {
    return Optional.ofNullable(names.get(node));
  }

  /** Attaches a note (the gate a gradient came through) unless the node has one. */
  public void note(Tensor node, String note) {
    notes.putIfAbsent(node, note);
  }

  public Optional<String> noteOf(Tensor node) {
    return Optional.ofNullable(notes.get(node));
  }
}
