package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which values of a graph are finite wherever its leaves are, with bounds on them: a small interval
 * analysis the {@link Differentiator} uses to decide where a zero gradient must be kept from
 * arithmetic (0·∞ and 0/0 are NaN).
 *
 * <p>Leaves (inputs, parameters, variables) are finite and unbounded; a literal is its own bound.
 * {@code e^a} is finite when a is bounded above (as in {@code e^min(z, 0)}), {@code ln a} when
 * a &gt; 0, {@code √a} when a ≥ 0, a quotient when its denominator's bounds exclude 0; sums and
 * products of finite values count as finite (overflow past 1.8e308 is not modelled). Nodes may be
 * declared finite ({@link #assumeFinite}): the differentiator does so for gradients, which are
 * either finite or non-finite of their own accord.
 */
final class Finiteness {
  /** Bounds {@code lo ≤ v ≤ hi} (±∞ for none) and whether v is finite whenever the leaves are. */
  record Range(double lo, double hi, boolean finite) {
    static final Range UNBOUNDED = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    static final Range UNKNOWN = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);

    boolean excludesZero() {
      return lo > 0 || hi < 0;
    }
  }

  private final Map<Node, Range> ranges = new HashMap<>();

  /** Declares {@code n} finite and unbounded, whatever it computes. */
  void assumeFinite(Node n) {
    ranges.put(n, Range.UNBOUNDED);
  }

  /** True when {@code n} is finite wherever the leaves and the nodes assumed finite are. */
  boolean isFinite(Node n) {
    return range(n).finite();
  }

  /** The range of {@code n}; computed without recursion, so deep graphs cannot overflow the stack. */
  Range range(Node root) {
    Range known = ranges.get(root);
    if (known != null) {
      return known;
    }
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node n = stack.get(stack.size() - 1);
      if (ranges.containsKey(n)) {
        stack.remove(stack.size() - 1);
        continue;
      }
      boolean ready = true;
      for (Node a : n.args()) {
        if (!ranges.containsKey(a)) {
          stack.add(a);
          ready = false;
        }
      }
      if (ready) {
        ranges.put(n, compute(n));
        stack.remove(stack.size() - 1);
      }
    }
    return ranges.get(root);
  }

  private Range arg(Node n, int i) {
    return ranges.get(n.arg(i));
  }

  private Range compute(Node n) {
    return switch (n.op()) {
      case CONST -> Double.isFinite(n.value()) ? new Range(n.value(), n.value(), true) : Range.UNKNOWN;
      case INPUT, TARGET, PARAM, VAR -> Range.UNBOUNDED;
      case ADD -> sum(n);
      case SUB -> plus(arg(n, 0), negate(arg(n, 1)));
      case NEG -> negate(arg(n, 0));
      case MUL -> times(arg(n, 0), arg(n, 1));
      case SQUARE -> new Range(0, Double.POSITIVE_INFINITY, arg(n, 0).finite());
      case DIV -> {
        Range b = arg(n, 1);
        yield b.excludesZero() && b.finite()
            ? times(arg(n, 0), new Range(1 / b.hi(), 1 / b.lo(), true))
            : Range.UNKNOWN;
      }
      case EXP -> {
        Range a = arg(n, 0);
        yield new Range(Math.exp(a.lo()), Math.exp(a.hi()), a.finite() && a.hi() < 709);
      }
      case LOG -> logarithm(arg(n, 0), 0);
      case LOG1P -> logarithm(arg(n, 0), -1);
      case SQRT -> {
        Range a = arg(n, 0);
        yield a.lo() >= 0 ? new Range(Math.sqrt(a.lo()), Math.sqrt(a.hi()), a.finite()) : Range.UNKNOWN;
      }
      case POW -> {
        Range a = arg(n, 0);
        yield new Range(0, Double.POSITIVE_INFINITY, a.lo() > 0 && a.finite() && arg(n, 1).finite());
      }
      case SIN, COS, SIGMOID, TANH, SIGN -> new Range(-1, 1, arg(n, 0).finite());
      case ABS -> {
        Range a = arg(n, 0);
        double lo = a.lo() >= 0 ? a.lo() : a.hi() <= 0 ? -a.hi() : 0;
        yield new Range(lo, Math.max(Math.abs(a.lo()), Math.abs(a.hi())), a.finite());
      }
      case RELU -> {
        Range a = arg(n, 0);
        yield new Range(Math.max(a.lo(), 0), Math.max(a.hi(), 0), a.finite());
      }
      case MAX -> {
        Range a = arg(n, 0);
        Range b = arg(n, 1);
        yield new Range(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()), a.finite() && b.finite());
      }
      case MIN -> {
        Range a = arg(n, 0);
        Range b = arg(n, 1);
        yield new Range(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()), a.finite() && b.finite());
      }
      case IF_POSITIVE -> union(arg(n, 1), new Range(0, 0, true));
      case IF_GREATER_OR_EQUAL, IF_GREATER, IF_EQUAL -> union(arg(n, 2), arg(n, 3));
      case SOFTMAX -> new Range(0, 1, ranges.get(Op.valueArg(n)).finite());
      case SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> ranges.get(Op.valueArg(n));
    };
  }

  private Range sum(Node n) {
    Range total = new Range(0, 0, true);
    for (int i = 0; i < n.args().size(); i++) {
      total = plus(total, arg(n, i));
    }
    return total;
  }

  private static Range plus(Range a, Range b) {
    return new Range(a.lo() + b.lo(), a.hi() + b.hi(), a.finite() && b.finite());
  }

  private static Range negate(Range a) {
    return new Range(-a.hi(), -a.lo(), a.finite());
  }

  /** The product's bounds; an infinite bound stands for "any size", so ∞·0 counts as 0. */
  private static Range times(Range a, Range b) {
    double[] corners = {
      product(a.lo(), b.lo()), product(a.lo(), b.hi()), product(a.hi(), b.lo()), product(a.hi(), b.hi())
    };
    double lo = corners[0];
    double hi = corners[0];
    for (double c : corners) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    return new Range(lo, hi, a.finite() && b.finite());
  }

  private static double product(double x, double y) {
    double p = x * y;
    return Double.isNaN(p) ? 0 : p;
  }

  /** ln(a − shift) style bounds: finite when a stays above {@code pole}. */
  private static Range logarithm(Range a, double pole) {
    if (!(a.lo() > pole)) {
      return Range.UNKNOWN;
    }
    double lo = pole == 0 ? Math.log(a.lo()) : Math.log1p(a.lo());
    double hi = pole == 0 ? Math.log(a.hi()) : Math.log1p(a.hi());
    return new Range(lo, hi, a.finite());
  }

  private static Range union(Range a, Range b) {
    return new Range(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()), a.finite() && b.finite());
  }
}
