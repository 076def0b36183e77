package io.gradgen.processor.lower;

import io.gradgen.processor.ir.BatchAxis;
import io.gradgen.processor.ir.ElementFunction;
import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.ir.Tensor;
import io.gradgen.processor.ir.TensorDifferentiator.Backprop;
import io.gradgen.processor.ir.TensorOp;
import io.gradgen.processor.lower.ElementCall.Operand;
import io.gradgen.processor.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the loop form computes, read off the differentiated tensor graph: per layer the activation
 * and the gate that turns ∂E/∂a into δ = ∂E/∂z; for the output, the loss term and its gradient.
 *
 * <p>The loop templates render matvec as column passes, the outer product as the weight-gradient
 * loop and Wᵀ·δ as the loop that sends δ down; {@link #of} checks that the graph's adjoints are
 * exactly those ops (the rules of {@code TensorRules}), so a template can never drift from the
 * rules. Every element-wise formula comes from the graph's element functions.
 *
 * @param layers per layer, first to last
 * @param loss the loss
 */
public record LoopPlan(List<LayerPlan> layers, LossPlan loss) {
  /**
   * One layer.
   *
   * @param activation f of an element-wise activation, over z
   * @param softmax true for a softmax layer
   * @param gate the adjoint of z from ∂E/∂a (operands UP, Z, OUT), for an element-wise layer below
   *     the output; empty where δ = ∂E/∂a (identity), and for the output layer (see {@link LossPlan})
   */
  public record LayerPlan(Optional<ElementCall> activation, boolean softmax, Optional<ElementCall> gate) {}

  /**
   * The loss and the output layer's δ.
   *
   * @param kind how the loss is computed
   * @param term the per-output loss term (operands OUT and TARGET; Z and TARGET for binary
   *     cross-entropy); empty for categorical cross-entropy, which the softmax's log-sum-exp gives
   * @param scale the factor in front of the sum of terms
   * @param up ∂E/∂o per output (operands OUT, TARGET), for the losses that are a sum of terms
   * @param delta ∂E/∂z of the output layer; empty when it is {@code up} itself (an identity output)
   * @param rest the term summed into {@link Operand#REST} (operand OUT), for squared errors of a
   *     softmax output, which read 1 − o from the other outputs
   * @param restUp the term summed into {@link Operand#REST_UP} = ∂E/∂rest (operands OUT, TARGET, REST)
   */
  public record LossPlan(Kind kind, Optional<ElementCall> term, double scale, Optional<ElementCall> up,
      Optional<ElementCall> delta, Optional<ElementCall> rest, Optional<ElementCall> restUp) {
    /** How the loss is formed. */
    public enum Kind {
      /** {@code scale · Σ term(o, t)}. */
      SUM_OF_TERMS,
      /** Softmax cross-entropy fused, from the logits: {@code Σ t·(logsumexp(z) − z)}. */
      SOFTMAX_CROSS_ENTROPY,
      /** Sigmoid cross-entropy fused, from the logits: {@code Σ term(z, t)}. */
      SIGMOID_CROSS_ENTROPY
    }
  }

  /** The plan of {@code ir}. */
  public static LoopPlan of(NetworkIr ir) {
    Backprop bp = ir.backprop();
    List<NetworkIr.Layer> layers = ir.layers();
    List<LayerPlan> plans = new ArrayList<>();
    BatchAxis.Batch batch = BatchAxis.of(ir, Schedule.BATCH_ROWS);
    for (int i = 0; i < layers.size(); i++) {
      NetworkIr.Layer l = layers.get(i);
      checkLinearAlgebra(ir, i);
      checkBatch(ir, batch, i);
      Optional<ElementCall> activation = l.activation().map(f -> new ElementCall(f, List.of(Operand.Z)));
      Optional<ElementCall> gate = Optional.empty();
      if (i + 1 < layers.size() && bp.adjoint(l.z()) != bp.adjoint(l.out())) {
        gate = Optional.of(call(bp.adjoint(l.z()), new Operands(bp.adjoint(l.out()), l.z(), l.out(), null)));
      }
      plans.add(new LayerPlan(activation, l.out().op() == TensorOp.SOFTMAX, gate));
    }
    return new LoopPlan(plans, lossPlan(ir));
  }

  private static LossPlan lossPlan(NetworkIr ir) {
    Backprop bp = ir.backprop();
    NetworkIr.Layer last = ir.layers().get(ir.layers().size() - 1);
    Tensor e = ir.loss();
    Tensor delta = bp.adjoint(last.z());
    if (e.op() == TensorOp.SOFTMAX_CROSS_ENTROPY || e.op() == TensorOp.SIGMOID_CROSS_ENTROPY) {
      boolean softmax = e.op() == TensorOp.SOFTMAX_CROSS_ENTROPY;
      Optional<ElementCall> term = softmax
          ? Optional.empty()
          : Optional.of(new ElementCall(e.fn(), List.of(Operand.Z, Operand.TARGET)));
      return new LossPlan(softmax ? LossPlan.Kind.SOFTMAX_CROSS_ENTROPY : LossPlan.Kind.SIGMOID_CROSS_ENTROPY,
          term, 1.0, Optional.empty(), Optional.of(call(delta, new Operands(null, last.z(), last.out(), ir.t()))),
          Optional.empty(), Optional.empty());
    }
    double scale = 1.0;
    Tensor sum = e;
    if (e.op() == TensorOp.MUL && e.arg(0).op() == TensorOp.CONSTANT) {
      scale = e.arg(0).value();
      sum = e.arg(1);
    }
    Tensor terms = sum.op() == TensorOp.SUM ? sum.arg(0) : sum;
    if (sum.op() != TensorOp.SUM || terms.op() != TensorOp.ZIP || terms.arg(0) != last.out() || terms.arg(1) != ir.t()) {
      throw new IllegalStateException("the loop lowering expects the loss to be c·Σ f(o, t), not " + e.op());
    }
    Operands at = new Operands(null, last.z(), last.out(), ir.t());
    Optional<ElementCall> rest = Optional.empty();
    Optional<ElementCall> restUp = Optional.empty();
    if (terms.args().size() == 3) {
      // (o − t)² of a softmax output reads rest = Σ softmax_rest(o), and its gradient ∂E/∂rest.
      Tensor restSum = terms.arg(2).arg(0);
      expectRowSum(terms.arg(2), "the rest of a softmax");
      at = at.withRest(terms.arg(2), bp.adjoint(restSum));
      rest = Optional.of(call(restSum.arg(0), at));
      restUp = Optional.of(call(bp.adjoint(restSum).arg(0), at));
    }
    ElementCall term = call(terms, at);
    Tensor dOut = bp.adjoint(last.out());
    ElementCall up = call(dOut, at);
    Optional<ElementCall> outputDelta = Optional.empty();
    if (delta != dOut) {
      boolean softmax = last.out().op() == TensorOp.SOFTMAX;
      Tensor dot = softmax ? findDot(delta, dOut, last.out()) : null;
      Tensor residual = softmax ? findResidual(delta, dot, last.out()) : null;
      outputDelta = Optional.of(call(delta, at.withGate(dOut, dot, residual)));
    }
    return new LossPlan(LossPlan.Kind.SUM_OF_TERMS, Optional.of(term), scale, Optional.of(up), outputDelta, rest, restUp);
  }

  private static void expectRowSum(Tensor a, String what) {
    if (!isBroadcastSum(a)) {
      throw new IllegalStateException("the loop lowering expects " + what + " to be a sum over the outputs, not " + a.op());
    }
  }

  /** The Σ up·p operand of a softmax gate, the one template {@code dot += up[i]·o[i]} renders. */
  private static Tensor findDot(Tensor delta, Tensor up, Tensor p) {
    for (Tensor a : delta.args()) {
      if (isBroadcastSum(a) && a.arg(0).arg(0).op() == TensorOp.MUL
          && a.arg(0).arg(0).arg(0) == up && a.arg(0).arg(0).arg(1) == p) {
        return a;
      }
    }
    throw new IllegalStateException("the softmax gate has no Σ up·p operand");
  }

  /** The Σ p·(up − dot) operand of a softmax gate, rendered {@code residual += o[i]·(up[i] − dot)}. */
  private static Tensor findResidual(Tensor delta, Tensor dot, Tensor p) {
    for (Tensor a : delta.args()) {
      if (isBroadcastSum(a) && a.arg(0).arg(0).op() == TensorOp.MUL && a.arg(0).arg(0).arg(0) == p) {
        Tensor centered = a.arg(0).arg(0).arg(1);
        if (centered.op() == TensorOp.ZIP && centered.arg(1) == dot) {
          return a;
        }
      }
    }
    throw new IllegalStateException("the softmax gate has no Σ p·(up − Σ up·p) operand");
  }

  private static boolean isBroadcastSum(Tensor a) {
    return a.op() == TensorOp.BROADCAST && a.arg(0).op() == TensorOp.SUM;
  }

  /**
   * The tensors the loop code holds per unit, or per sample for every unit (the row sums); null where
   * a call has none.
   */
  private record Operands(Tensor up, Tensor z, Tensor out, Tensor t, Tensor dot, Tensor residual, Tensor rest, Tensor restUp) {
    Operands(Tensor up, Tensor z, Tensor out, Tensor t) {
      this(up, z, out, t, null, null, null, null);
    }

    Operands withRest(Tensor rest, Tensor restUp) {
      return new Operands(up, z, out, t, dot, residual, rest, restUp);
    }

    Operands withGate(Tensor up, Tensor dot, Tensor residual) {
      return new Operands(up, z, out, t, dot, residual, rest, restUp);
    }

    Operand of(Tensor node, Tensor a) {
      return a == up ? Operand.UP : a == out ? Operand.OUT : a == z ? Operand.Z : a == t ? Operand.TARGET
          : a == dot ? Operand.DOT : a == residual ? Operand.RESIDUAL : a == rest ? Operand.REST
          : restUp != null && a.op() == TensorOp.BROADCAST && a.arg(0) == restUp ? Operand.REST_UP
          : isTargetSum(a, t) ? Operand.TARGET_SUM : unexpected(node, a);
    }
  }

  /**
   * {@code node} as an element call whose operands are among the given per-unit tensors; a sum of
   * element-wise terms (fan-out summed where a value reaches the loss by two paths) is one call.
   */
  private static ElementCall call(Tensor node, Operands at) {
    if (node.op() == TensorOp.ADD) {
      return call(node.arg(0), at).plus(call(node.arg(1), at));
    }
    ElementFunction f = node.function().orElseThrow(() ->
        new IllegalStateException("the loop lowering expects an element-wise op, not " + node.op()));
    List<Operand> operands = new ArrayList<>();
    for (Tensor a : node.args()) {
      operands.add(at.of(node, a));
    }
    return new ElementCall(f, operands);
  }

  /** Σ t spread over the outputs. */
  private static boolean isTargetSum(Tensor a, Tensor t) {
    return t != null && a.op() == TensorOp.BROADCAST && a.arg(0).op() == TensorOp.SUM && a.arg(0).arg(0) == t;
  }

  private static Operand unexpected(Tensor node, Tensor operand) {
    throw new IllegalStateException(node.fn().name() + " reads " + operand.op() + " " + operand.shape()
        + ", which the loop lowering does not hold per unit");
  }

  /**
   * The adjoints the loop templates render: ∂E/∂W = δ·inᵀ, ∂E/∂b = δ (Σδ when shared), and below
   * the first layer ∂E/∂in = Wᵀ·δ.
   */
  private static void checkLinearAlgebra(NetworkIr ir, int i) {
    Backprop bp = ir.backprop();
    NetworkIr.Layer l = ir.layers().get(i);
    Tensor delta = bp.adjoint(l.z());
    Tensor dw = bp.adjoint(l.weights());
    expect(dw.op() == TensorOp.OUTER && dw.arg(0) == delta && dw.arg(1) == l.in(), "∂E/∂W = δ·inᵀ", i);
    // The fused step's templates apply the graph's update epilogue: W ← W − η·δ·inᵀ, b ← b − η·∂E/∂b.
    expect(ir.updates().stream().anyMatch(u -> u.arg(0) == l.weights() && u.arg(1) == dw), "an update of W", i);
    l.bias().ifPresent(b -> expect(
        ir.updates().stream().anyMatch(u -> u.arg(0) == b && u.arg(1) == bp.adjoint(b)), "an update of b", i));
    l.bias().ifPresent(b -> {
      Tensor db = bp.adjoint(b);
      expect(db == delta || db.op() == TensorOp.SUM && db.arg(0) == delta, "∂E/∂b = δ or Σδ", i);
    });
    if (i > 0) {
      Tensor down = bp.adjoint(l.in());
      expect(down.op() == TensorOp.MATVEC_T && down.arg(0) == l.weights() && down.arg(1) == delta, "∂E/∂in = Wᵀ·δ", i);
    }
  }

  /**
   * The batch templates render the graph's batch form: Z = W·IN (+ b for every row), ∂E/∂W = Δ·INᵀ
   * over the rows, ∂E/∂b = Δ summed over the rows (and units, when shared), below the first layer
   * ∂E/∂IN = Wᵀ·Δ, and the same element functions applied to [unit][row].
   */
  private static void checkBatch(NetworkIr ir, BatchAxis.Batch batch, int i) {
    NetworkIr.Layer l = ir.layers().get(i);
    Tensor z = batch.of(l.z());
    Tensor product = z.op() == TensorOp.ADD ? z.arg(0) : z;
    expect(product.op() == TensorOp.MATMUL && product.arg(0) == l.weights() && product.arg(1) == batch.of(l.in()),
        "Z = W·IN over the batch", i);
    Tensor delta = batch.of(ir.backprop().adjoint(l.z()));
    int p = ir.parameters().indexOf(l.weights());
    Tensor dw = batch.gradients().get(p);
    expect(dw.op() == TensorOp.MATMUL_NT && dw.arg(0) == delta && dw.arg(1) == batch.of(l.in()),
        "∂E/∂W = Δ·INᵀ over the batch", i);
    l.bias().ifPresent(b -> {
      Tensor db = batch.gradients().get(ir.parameters().indexOf(b));
      expect(db.op() == TensorOp.ROW_SUM && db.arg(0) == delta
          || db.op() == TensorOp.SUM && db.arg(0).op() == TensorOp.COLUMN_SUM && db.arg(0).arg(0) == delta,
          "∂E/∂b = Δ summed over the batch", i);
    });
    if (i > 0) {
      Tensor down = batch.of(ir.backprop().adjoint(l.in()));
      expect(down.op() == TensorOp.MATMUL_T && down.arg(0) == l.weights() && down.arg(1) == delta,
          "∂E/∂IN = Wᵀ·Δ over the batch", i);
    }
    l.activation().ifPresent(f -> expect(batch.of(l.out()).op() == TensorOp.MAP && batch.of(l.out()).fn() == f,
        "the activation applied to [unit][row]", i));
  }

  private static void expect(boolean ok, String what, int layer) {
    if (!ok) {
      throw new IllegalStateException("the loop lowering expects " + what + " in layer " + layer);
    }
  }
}
