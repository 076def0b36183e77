package io.gradgen.processor.diff;

import static io.gradgen.processor.graph.Op.*;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gate rules of backpropagation, one entry per op (SEEDS.md §2). {@code up} is ∂E/∂(node);
 * each line sends every argument {@code up · ∂node/∂arg}.
 *
 * <p>Leaves (constants, inputs, targets, parameters, variables) have no rule: the backward pass ends there.
 * Every other op must have one; {@link #of} fails loudly for a missing rule, so a missing rule can
 * never become a silent zero gradient.
 */
public final class GateRules {
  private static final Map<Op, Gate> GATES = new EnumMap<>(Op.class);

  static {
    // a + b + …: the add gate distributes, every input receives up unchanged.
    rule(ADD, "add gate distributes", (n, up, g, out) -> {
      for (int i = 0; i < n.args().size(); i++) {
        out.add(i, up);
      }
    });
    // a − b: a receives up, b receives −up.
    rule(SUB, "subtract gate: +up to a, −up to b", (n, up, g, out) -> {
      out.add(0, up);
      out.add(1, g.neg(up));
    });
    // a · b: the multiply gate switches, each input receives up times the other input.
    rule(MUL, "multiply gate switches", (n, up, g, out) -> {
      out.add(0, g.mul(up, n.arg(1)));
      out.add(1, g.mul(up, n.arg(0)));
    });
    // a / b: ∂/∂a = 1/b, ∂/∂b = −a/b² = −(a/b)/b.
    rule(DIV, "divide gate: up/b to a, −up·(a/b)/b to b", (n, up, g, out) -> {
      out.add(0, g.div(up, n.arg(1)));
      out.add(1, g.neg(g.div(g.mul(up, n), n.arg(1))));
    });
    // −a: ∂/∂a = −1.
    rule(NEG, "negate gate: −up", (n, up, g, out) -> out.add(0, g.neg(up)));
    // a²: ∂/∂a = 2a.
    rule(SQUARE, "square gate: up·2a", (n, up, g, out) ->
        out.add(0, g.mul(up, g.mul(g.constant(2.0), n.arg(0)))));
    // e^a: the derivative is the output itself.
    rule(EXP, "exp gate: up·e^a", (n, up, g, out) -> out.add(0, g.mul(up, n)));
    // ln a: ∂/∂a = 1/a.
    rule(LOG, "log gate: up/a", (n, up, g, out) -> out.add(0, g.div(up, n.arg(0))));
    // ln(1 + a): ∂/∂a = 1/(1 + a).
    rule(LOG1P, "log1p gate: up/(1 + a)", (n, up, g, out) ->
        out.add(0, g.div(up, g.add(g.constant(1.0), n.arg(0)))));
    // |a|: ∂/∂a = sign(a), taking 0 at a = 0.
    rule(ABS, "abs gate: up·sign(a), 0 at a = 0", (n, up, g, out) ->
        out.add(0, g.mul(up, g.node(SIGN, n.arg(0)))));
    // sign(a) is piecewise constant: its derivative is 0 wherever it exists.
    rule(SIGN, "sign gate: derivative 0", (n, up, g, out) -> {});
    // max(a, b): up goes to the larger input; on a tie, to a.
    rule(MAX, "max gate routes up to the larger input (a on a tie)", (n, up, g, out) -> {
      Node zero = g.constant(0.0);
      out.add(0, g.node(IF_GREATER_OR_EQUAL, n.arg(0), n.arg(1), up, zero));
      out.add(1, g.node(IF_GREATER_OR_EQUAL, n.arg(0), n.arg(1), zero, up));
    });
    // min(a, b): up goes to the smaller input; on a tie, to a.
    rule(MIN, "min gate routes up to the smaller input (a on a tie)", (n, up, g, out) -> {
      Node zero = g.constant(0.0);
      out.add(0, g.node(IF_GREATER_OR_EQUAL, n.arg(1), n.arg(0), up, zero));
      out.add(1, g.node(IF_GREATER_OR_EQUAL, n.arg(1), n.arg(0), zero, up));
    });
    // √a: ∂/∂a = 1/(2√a), from the forward output.
    rule(SQRT, "sqrt gate: up/(2√a)", (n, up, g, out) ->
        out.add(0, g.div(up, g.mul(g.constant(2.0), n))));
    // a^b: ∂/∂a = b·a^(b−1), ∂/∂b = ln(a)·a^b.
    rule(POW, "power gate: up·b·a^(b−1) to a, up·ln(a)·a^b to b", (n, up, g, out) -> {
      Node a = n.arg(0);
      Node b = n.arg(1);
      out.add(0, g.mul(up, g.mul(b, g.node(POW, a, g.sub(b, g.constant(1.0))))));
      out.add(1, g.mul(up, g.mul(g.node(LOG, a), n)));
    });
    // sin a: ∂/∂a = cos a.
    rule(SIN, "sin gate: up·cos(a)", (n, up, g, out) -> out.add(0, g.mul(up, g.node(COS, n.arg(0)))));
    // cos a: ∂/∂a = −sin a.
    rule(COS, "cos gate: −up·sin(a)", (n, up, g, out) -> out.add(0, g.neg(g.mul(up, g.node(SIN, n.arg(0))))));
    // s = sigmoid(a): s' = s·(1 − s), from the forward output.
    rule(SIGMOID, "sigmoid gate: up·s·(1 − s)", (n, up, g, out) ->
        out.add(0, g.mul(up, g.mul(n, g.sub(g.constant(1.0), n)))));
    // t = tanh(a): t' = 1 − t², from the forward output.
    rule(TANH, "tanh gate: up·(1 − t²)", (n, up, g, out) ->
        out.add(0, g.mul(up, g.sub(g.constant(1.0), g.node(SQUARE, n)))));
    // relu(a) = max(0, a): up passes where a > 0, and 0 at a = 0.
    rule(RELU, "relu gate: up where z > 0, else 0 (0 at z = 0)", (n, up, g, out) ->
        out.add(0, g.node(IF_POSITIVE, n.arg(0), up)));
    // c > 0 ? v : 0: v receives up on the taken branch; the condition is piecewise constant.
    rule(IF_POSITIVE, "select gate: up to the taken branch", (n, up, g, out) ->
        out.add(1, g.node(IF_POSITIVE, n.arg(0), up)));
    // a >= b ? x : y, a > b ? x : y, a == b ? x : y: x or y receives up, whichever was taken;
    // the comparison is piecewise constant.
    select(IF_GREATER_OR_EQUAL);
    select(IF_GREATER);
    select(IF_EQUAL);
    // p_i = softmax(z)_i: ∂p_i/∂z_j = p_i·(δ_ij − p_j).
    rule(SOFTMAX, "softmax gate: up·p_i·(δ_ij − p_j)", (n, up, g, out) -> {
      int width = n.args().size() / 2;
      int i = n.index();
      Node upTimesP = g.mul(up, n);
      for (int j = 0; j < width; j++) {
        Node pj = g.node(SOFTMAX, n.args(), 0.0, j);
        out.add(width + j, j == i
            ? g.mul(upTimesP, g.sub(g.constant(1.0), n))
            : g.neg(g.mul(upTimesP, pj)));
      }
    });
    // E = −Σ t·ln softmax(z): ∂E/∂z_j = p_j − t_j (targets summing to 1).
    rule(SOFTMAX_CROSS_ENTROPY, "softmax + cross-entropy fuse: up·(p − t)", (n, up, g, out) -> {
      int width = n.index();
      for (int j = 0; j < width; j++) {
        Node p = n.arg(1 + width + j);
        Node t = n.arg(1 + 2 * width + j);
        out.add(1 + j, g.mul(up, g.sub(p, t)));
      }
    });
    // E = −[t·ln o + (1 − t)·ln(1 − o)], o = sigmoid(z): ∂E/∂z = o − t.
    rule(SIGMOID_CROSS_ENTROPY, "sigmoid + cross-entropy fuse: up·(o − t)", (n, up, g, out) ->
        out.add(1, g.mul(up, g.sub(n.arg(2), n.arg(3)))));
  }

  private GateRules() {}

  /** The rule of a select op with arguments (a, b, x, y): up to x or y, whichever the op picks. */
  private static void select(Op op) {
    rule(op, "select gate: up to the taken branch", (n, up, g, out) -> {
      Node zero = g.constant(0.0);
      out.add(2, g.node(op, n.arg(0), n.arg(1), up, zero));
      out.add(3, g.node(op, n.arg(0), n.arg(1), zero, up));
    });
  }

  private static void rule(Op op, String description, GateRule rule) {
    GATES.put(op, new Gate(op, description, rule));
  }

  /** The gate of a non-leaf op. */
  public static Gate of(Op op) {
    Gate gate = GATES.get(op);
    if (gate == null) {
      throw new MissingGateRuleException(op);
    }
    return gate;
  }

  /** The gate of {@code op}, if it has one. */
  public static Optional<Gate> find(Op op) {
    return Optional.ofNullable(GATES.get(op));
  }

}
