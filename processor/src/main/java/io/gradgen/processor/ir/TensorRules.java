package io.gradgen.processor.ir;

import static io.gradgen.processor.ir.TensorOp.ADD;
import static io.gradgen.processor.ir.TensorOp.BROADCAST;
import static io.gradgen.processor.ir.TensorOp.MAP;
import static io.gradgen.processor.ir.TensorOp.MATVEC;
import static io.gradgen.processor.ir.TensorOp.MATVEC_T;
import static io.gradgen.processor.ir.TensorOp.MUL;
import static io.gradgen.processor.ir.TensorOp.OUTER;
import static io.gradgen.processor.ir.TensorOp.SIGMOID_CROSS_ENTROPY;
import static io.gradgen.processor.ir.TensorOp.SOFTMAX;
import static io.gradgen.processor.ir.TensorOp.SOFTMAX_CROSS_ENTROPY;
import static io.gradgen.processor.ir.TensorOp.SUM;
import static io.gradgen.processor.ir.TensorOp.ZIP;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The vector-Jacobian rule of every differentiable tensor op, one entry each (SEEDS.md §2 in
 * tensor form): given {@code up} = ∂E/∂node, each rule sends every argument its adjoint. The
 * {@link TensorDifferentiator} sums what several consumers send one node (fan-out sums).
 *
 * <p>Each entry also carries the gate's name, which the generated comments, the report and the
 * picture print. A missing rule fails loudly ({@link #of}), never a silent zero.
 */
public final class TensorRules {
  /** Where a rule sends the adjoint of argument {@code arg}. */
  public interface Contributions {
    void add(int arg, Tensor adjoint);
  }

  /** One op's rule. */
  @FunctionalInterface
  public interface Rule {
    void backward(Tensor node, Tensor up, TensorGraph g, Contributions out);
  }

  /**
   * A rule with its names.
   *
   * @param op the op
   * @param gate what the gate does backward, as the comments say it ("multiply gate switches")
   * @param edge the short label of a backward edge in the picture ("δ·xᵀ")
   * @param rule the rule
   */
  public record Entry(TensorOp op, String gate, String edge, Rule rule) {}

  private static final Map<TensorOp, Entry> RULES = new EnumMap<>(TensorOp.class);

  static {
    // z = W·x: the multiply gates switch. W gets the outer product up·xᵀ, x gets Wᵀ·up (SEEDS §2, §6).
    rule(MATVEC, "multiply gate switches: ∂E/∂W = δ·xᵀ, ∂E/∂x = Wᵀ·δ", "δ·xᵀ | Wᵀ·δ", (n, up, g, out) -> {
      out.add(0, g.outer(up, n.arg(1)));
      out.add(1, g.matvecT(n.arg(0), up));
    });
    // y = Wᵀ·d: the transpose of the above. W gets d·upᵀ, d gets W·up.
    rule(MATVEC_T, "multiply gate switches (transposed)", "d·upᵀ | W·up", (n, up, g, out) -> {
      out.add(0, g.outer(n.arg(1), up));
      out.add(1, g.matvec(n.arg(0), up));
    });
    // M = a·bᵀ: a gets M's up times b, b gets upᵀ·a.
    rule(OUTER, "multiply gate switches (outer product)", "up·b | upᵀ·a", (n, up, g, out) -> {
      out.add(0, g.matvec(up, n.arg(1)));
      out.add(1, g.matvecT(up, n.arg(0)));
    });
    // a + b: the add gate distributes, both receive up unchanged.
    rule(ADD, "add gate distributes", "up", (n, up, g, out) -> {
      out.add(0, up);
      out.add(1, up);
    });
    // a ⊙ b: the multiply gate switches, each receives up times the other.
    rule(MUL, "multiply gate switches", "up·other", (n, up, g, out) -> {
      out.add(0, g.mul(up, n.arg(1)));
      out.add(1, g.mul(up, n.arg(0)));
    });
    // A scalar used by every element: fan-out sums, the scalar gets Σ up (a shared bias gets Σδ).
    rule(BROADCAST, "fan-out sums: a shared value gets Σ up", "Σ up", (n, up, g, out) -> out.add(0, g.sum(up)));
    // Σ v: every element receives the scalar up.
    rule(SUM, "add gate distributes up to every term", "up", (n, up, g, out) ->
        out.add(0, broadcast(g, up, n.arg(0).shape())));
    // f(v): the activation gate multiplies by f′, derived from f's body by the scalar gate rules.
    rule(MAP, "gate of f: up·f′, f′ derived from f", "·f′", TensorRules::elementWise);
    // f(a, b, …): each operand gets up·∂f/∂operand, derived from f's body.
    rule(ZIP, "gate of f: up·∂f/∂operand, derived from f", "·∂f", TensorRules::elementWise);
    // p = softmax(z): ∂p_i/∂z_j = p_i·(δ_ij − p_j), so z gets p ⊙ (up − ⟨up, p⟩), with ⟨up, p⟩'s
    // rounding error r = ⟨p, up − ⟨up, p⟩⟩ taken back out (a second pass, as for a corrected mean).
    rule(SOFTMAX, "softmax gate: p·(up − Σ up·p − r), r the sum's rounding error", "·p(δ−p)", (n, up, g, out) -> {
      String layer = g.nameOf(n).map(a -> a.substring(0, a.length() - 2)).orElse("softmax");
      Tensor dotSum = g.sum(g.mul(up, n));
      g.name(dotSum, layer + "_dot");
      Tensor dot = g.broadcast(dotSum, n.shape());
      Tensor centered = g.zip(ElementFunctions.difference(), List.of(up, dot));
      g.name(centered, layer + "_centered");
      Tensor residualSum = g.sum(g.mul(n, centered));
      g.name(residualSum, layer + "_residual");
      Tensor residual = g.broadcast(residualSum, n.shape());
      out.add(0, g.zip(ElementFunctions.softmaxGate(), List.of(n, up, dot, residual)));
    });
    // E = −Σ t·ln softmax(z) = Σ t·(logsumexp(z) − z): ∂E/∂z = p·Σt − t, which is p − t when the
    // targets sum to 1 and stays the loss's own derivative when they do not.
    rule(SOFTMAX_CROSS_ENTROPY, "softmax + cross-entropy fuse: p·Σt − t", "p·Σt − t", (n, up, g, out) -> {
      Tensor targetSum = g.broadcast(g.sum(n.arg(1)), n.arg(1).shape());
      out.add(0, scaled(g, up, g.zip(ElementFunctions.softmaxCrossEntropyGate(), List.of(n.arg(2), n.arg(1), targetSum))));
    });
    // E = −Σ t·ln o + (1 − t)·ln(1 − o), o = σ(z): ∂E/∂z = o − t.
    rule(SIGMOID_CROSS_ENTROPY, "sigmoid + cross-entropy fuse: o − t", "o − t", (n, up, g, out) ->
        out.add(0, scaled(g, up, g.zip(ElementFunctions.difference(), List.of(n.arg(2), n.arg(1))))));
  }

  private TensorRules() {}

  private static void rule(TensorOp op, String gate, String edge, Rule rule) {
    RULES.put(op, new Entry(op, gate, edge, rule));
  }

  /** The rule of a differentiable op. */
  public static Entry of(TensorOp op) {
    Entry e = RULES.get(op);
    if (e == null) {
      throw new IllegalStateException("no vector-Jacobian rule for " + op + " (" + op.kind() + ")");
    }
    return e;
  }

  /**
   * Operand i of {@code f(v_0, …)} gets {@code zip(up·∂f/∂v_i)(up, v…, out)}: the scalar rules
   * give the function, and operands it does not read (often {@code out}, a constant up) are dropped.
   * An activation's derivative may read its output {@code out} (s(1 − s)); a zip's (a loss term) does
   * not, since its output is not kept per element. An operand whose derivative is 0 everywhere (a
   * target a loss branches on) gets nothing.
   */
  private static void elementWise(Tensor n, Tensor up, TensorGraph g, Contributions out) {
    ElementFunction f = n.fn();
    for (int i = 0; i < f.arity(); i++) {
      List<Tensor> operands = new ArrayList<>();
      operands.add(up);
      operands.addAll(n.args());
      operands.add(n);
      ElementFunction vjp = n.op() == MAP ? f.vectorJacobian(i) : f.vectorJacobianOfInputs(i);
      if (vjp.result().isConstant(0.0)) {
        continue;
      }
      out.add(i, zipOf(g, vjp, operands));
    }
  }

  /** {@code zip(f, operands)} with broadcast constants folded into f and unread operands dropped. */
  static Tensor zipOf(TensorGraph g, ElementFunction f, List<Tensor> operands) {
    List<Tensor> kept = new ArrayList<>(operands);
    ElementFunction h = f;
    for (int i = kept.size() - 1; i >= 0; i--) {
      Tensor o = kept.get(i);
      if (o.op() == BROADCAST && o.arg(0).op() == TensorOp.CONSTANT) {
        h = h.bind(i, o.arg(0).value());
        kept.remove(i);
      }
    }
    List<Integer> read = new ArrayList<>();
    List<Tensor> operandsRead = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      if (h.reads(i)) {
        read.add(i);
        operandsRead.add(kept.get(i));
      }
    }
    if (read.isEmpty()) {
      throw new IllegalStateException(f.name() + " reads none of its operands");
    }
    h = h.keeping(read);
    // up·1 = up: a function that only passes its one operand on is that operand.
    if (operandsRead.size() == 1 && h.result().op() == io.gradgen.processor.graph.Op.VAR) {
      return operandsRead.get(0);
    }
    return operandsRead.size() == 1 ? g.map(h, operandsRead.get(0)) : g.zip(h, operandsRead);
  }

  /** A scalar spread over {@code shape}; a scalar shape needs no broadcast. */
  static Tensor broadcast(TensorGraph g, Tensor s, Shape shape) {
    return shape.rank() == 0 ? s : g.broadcast(s, shape);
  }

  /** {@code up·v} for a scalar up, omitted when up is the constant 1 (the loss's own adjoint). */
  static Tensor scaled(TensorGraph g, Tensor up, Tensor v) {
    if (up.isConstant(1.0)) {
      return v;
    }
    return g.mul(broadcast(g, up, v.shape()), v);
  }
}
