package io.gradgen.processor.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch form of a differentiated network graph, as a transform of the same graph: every node
 * that depends on the input or the target gains a row axis ([u] becomes [u][rows], a scalar
 * [rows]), a matvec becomes a matmul, its transpose a transposed matmul, and a parameter's gradient
 * is summed over the rows (the outer products δ·inᵀ as one δ·inᵀ over the batch, a bias's δ as a
 * sum over the rows). Parameters are shared by every row and keep their shapes; element functions
 * are the same functions, applied to [u][rows].
 *
 * <p>The batch loops of the loop form are its rendering; {@code LoopPlan} checks they match it.
 */
public final class BatchAxis {
  /**
   * A batch form.
   *
   * @param x the inputs, [inputs][rows]
   * @param t the targets, [outputs][rows]
   * @param loss the summed loss of the rows, a scalar
   * @param batched every node of the single-sample graph that depends on x or t, with its batch form
   * @param gradients per parameter, in layout order, ∂(Σ rows E)/∂θ
   */
  public record Batch(Tensor x, Tensor t, Tensor loss, Map<Tensor, Tensor> batched, List<Tensor> gradients) {
    /** The batch form of {@code node}; a node that depends on no row is its own. */
    public Tensor of(Tensor node) {
      return batched.getOrDefault(node, node);
    }
  }

  private final NetworkIr ir;
  private final TensorGraph g;
  private final int rows;
  private final Map<Tensor, Tensor> batched = new HashMap<>();

  private BatchAxis(NetworkIr ir, int rows) {
    this.ir = ir;
    this.g = ir.graph();
    this.rows = rows;
  }

  /** The batch form of {@code ir} for {@code rows} rows, built into {@code ir}'s graph. */
  public static Batch of(NetworkIr ir, int rows) {
    return new BatchAxis(ir, rows).run();
  }

  private Batch run() {
    Tensor x = g.inputRows(ir.x().shape().dim(0), rows);
    Tensor t = g.targetRows(ir.t().shape().dim(0), rows);
    batched.put(ir.x(), x);
    batched.put(ir.t(), t);
    Tensor perRowLoss = batch(ir.loss());
    Tensor loss = perRowLoss == ir.loss() ? perRowLoss : g.sum(perRowLoss);
    List<Tensor> gradients = new ArrayList<>();
    for (Tensor update : ir.updates()) {
      gradients.add(summedOverRows(update.arg(1)));
    }
    return new Batch(x, t, loss, Map.copyOf(batched), gradients);
  }

  /** A parameter's gradient summed over the rows: Σ_r δ_r·in_rᵀ is one matmul, Σ_r δ_r a row sum. */
  private Tensor summedOverRows(Tensor gradient) {
    if (gradient.op() == TensorOp.OUTER) {
      return g.matmulNT(batch(gradient.arg(0)), batch(gradient.arg(1)));
    }
    Tensor b = batch(gradient);
    return switch (b.shape().rank()) {
      case 2 -> g.rowSum(b);
      case 1 -> g.sum(b);
      default -> throw new IllegalStateException("a gradient that depends on no row: " + gradient);
    };
  }

  private Tensor batch(Tensor n) {
    Tensor done = batched.get(n);
    if (done != null) {
      return done;
    }
    List<Tensor> args = new ArrayList<>();
    boolean any = false;
    for (Tensor a : n.args()) {
      Tensor b = batch(a);
      args.add(b);
      any |= b != a;
    }
    if (!any) {
      return n; // depends on no row: shared by the whole batch
    }
    Tensor result = switch (n.op()) {
      case MATVEC -> g.matmul(args.get(0), args.get(1));
      case MATVEC_T -> g.matmulT(args.get(0), args.get(1));
      case ADD -> g.add(widen(args.get(0), args.get(1)), widen(args.get(1), args.get(0)));
      case MUL -> g.mul(widen(args.get(0), args.get(1)), widen(args.get(1), args.get(0)));
      case BROADCAST -> g.columnBroadcast(args.get(0), n.shape().dim(0));
      case SUM -> g.columnSum(args.get(0));
      case MAP -> g.map(n.fn(), args.get(0));
      case ZIP -> g.zip(n.fn(), widenAll(args));
      case SOFTMAX -> g.softmax(args.get(0));
      case SOFTMAX_CROSS_ENTROPY -> g.softmaxCrossEntropy(args.get(0), args.get(1), args.get(2));
      case SIGMOID_CROSS_ENTROPY -> g.sigmoidCrossEntropy(n.fn(), args.get(0), args.get(1), args.get(2));
      default -> throw new IllegalStateException(n.op() + " has no batch form here");
    };
    g.nameOf(n).ifPresent(name -> g.name(result, name + "_rows"));
    batched.put(n, result);
    return result;
  }

  /** {@code a} in the batch shape of {@code other}: a shared vector for every row, a scalar for every row. */
  private Tensor widen(Tensor a, Tensor other) {
    if (a.shape().equals(other.shape())) {
      return a;
    }
    if (other.shape().rank() == 2 && a.shape().rank() == 1) {
      return g.rowBroadcast(a, rows);
    }
    if (other.shape().rank() == 1 && a.shape().rank() == 0) {
      return g.broadcast(a, other.shape());
    }
    return a;
  }

  private List<Tensor> widenAll(List<Tensor> args) {
    Tensor widest = args.get(0);
    for (Tensor a : args) {
      if (a.shape().rank() > widest.shape().rank()) {
        widest = a;
      }
    }
    List<Tensor> out = new ArrayList<>();
    for (Tensor a : args) {
      out.add(widen(a, widest));
    }
    return out;
  }
}
