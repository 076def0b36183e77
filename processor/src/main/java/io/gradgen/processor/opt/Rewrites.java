package io.gradgen.processor.opt;

import static io.gradgen.processor.graph.Op.ADD;
import static io.gradgen.processor.graph.Op.DIV;
import static io.gradgen.processor.graph.Op.IF_EQUAL;
import static io.gradgen.processor.graph.Op.IF_GREATER;
import static io.gradgen.processor.graph.Op.IF_GREATER_OR_EQUAL;
import static io.gradgen.processor.graph.Op.IF_POSITIVE;
import static io.gradgen.processor.graph.Op.MUL;
import static io.gradgen.processor.graph.Op.NEG;
import static io.gradgen.processor.graph.Op.SQUARE;
import static io.gradgen.processor.graph.Op.SUB;

import io.gradgen.processor.graph.Evaluator;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table of simplifications, one rewrite per line with its algebra as the comment. */
final class Rewrites {
  private Rewrites() {}

  static final List<Rewrite> ALL =
      List.of(
          // f(c1, c2, …) -> c: fold an op whose arguments are all constants.
          Rewrites::foldConstants,
          // a + 0 + b -> a + b; a sum of one term is that term; of none, 0.
          Rewrites::dropZeroTerms,
          // a·a -> a²  (its gate rule gives 2a·up, one term instead of two)
          (n, g) -> is(n, MUL) && n.arg(0) == n.arg(1) && !n.arg(0).isConstant()
              ? Optional.of(g.node(SQUARE, n.arg(0)))
              : Optional.empty(),
          // a / (1 + e^−b) -> a·σ(b): the sigmoid's gate rule s·(1 − s) stays finite where the
          // quotient's rule would multiply e^−b = ∞ by 0 (swish at z = −1000); equal up to rounding.
          Rewrites::stableSigmoid,
          // a + a -> 2·a
          (n, g) -> is(n, ADD) && n.args().size() == 2 && n.arg(0) == n.arg(1)
              ? Optional.of(g.mul(g.constant(2.0), n.arg(0)))
              : Optional.empty(),
          // a + (−b) -> a − b;  (−a) + b -> b − a
          (n, g) -> is(n, ADD) && n.args().size() == 2 && is(n.arg(1), NEG)
              ? Optional.of(g.sub(n.arg(0), n.arg(1).arg(0)))
              : is(n, ADD) && n.args().size() == 2 && is(n.arg(0), NEG)
                  ? Optional.of(g.sub(n.arg(1), n.arg(0).arg(0)))
                  : Optional.empty(),
          // a − 0 -> a
          (n, g) -> is(n, SUB) && n.arg(1).isConstant(0.0) ? Optional.of(n.arg(0)) : Optional.empty(),
          // 0 − a -> −a
          (n, g) -> is(n, SUB) && n.arg(0).isConstant(0.0) ? Optional.of(g.neg(n.arg(1))) : Optional.empty(),
          // a − a -> 0
          (n, g) -> is(n, SUB) && n.arg(0) == n.arg(1) ? Optional.of(g.constant(0.0)) : Optional.empty(),
          // a − (−b) -> a + b
          (n, g) -> is(n, SUB) && is(n.arg(1), NEG)
              ? Optional.of(g.add(n.arg(0), n.arg(1).arg(0)))
              : Optional.empty(),
          // 1·a -> a;  a·1 -> a
          (n, g) -> is(n, MUL) && n.arg(0).isConstant(1.0) ? Optional.of(n.arg(1)) : Optional.empty(),
          (n, g) -> is(n, MUL) && n.arg(1).isConstant(1.0) ? Optional.of(n.arg(0)) : Optional.empty(),
          // 0·a -> 0;  a·0 -> 0   (a is finite in a well-defined network)
          (n, g) -> is(n, MUL) && (n.arg(0).isConstant(0.0) || n.arg(1).isConstant(0.0))
              ? Optional.of(g.constant(0.0))
              : Optional.empty(),
          // −1·a -> −a
          (n, g) -> is(n, MUL) && n.arg(0).isConstant(-1.0) ? Optional.of(g.neg(n.arg(1))) : Optional.empty(),
          // a·c -> c·a: constants first, so that the next rule sees them
          (n, g) -> is(n, MUL) && n.arg(1).isConstant() && !n.arg(0).isConstant()
              ? Optional.of(g.mul(n.arg(1), n.arg(0)))
              : Optional.empty(),
          // c1·(c2·a) -> (c1·c2)·a
          (n, g) -> is(n, MUL) && n.arg(0).isConstant() && is(n.arg(1), MUL) && n.arg(1).arg(0).isConstant()
              ? Optional.of(g.mul(g.constant(n.arg(0).value() * n.arg(1).arg(0).value()), n.arg(1).arg(1)))
              : Optional.empty(),
          // (−a)·b -> −(a·b);  a·(−b) -> −(a·b)
          (n, g) -> is(n, MUL) && is(n.arg(0), NEG) ? Optional.of(g.neg(g.mul(n.arg(0).arg(0), n.arg(1)))) : Optional.empty(),
          (n, g) -> is(n, MUL) && is(n.arg(1), NEG) ? Optional.of(g.neg(g.mul(n.arg(0), n.arg(1).arg(0)))) : Optional.empty(),
          // −(−a) -> a
          (n, g) -> is(n, NEG) && is(n.arg(0), NEG) ? Optional.of(n.arg(0).arg(0)) : Optional.empty(),
          // −(a − b) -> b − a
          (n, g) -> is(n, NEG) && is(n.arg(0), SUB) ? Optional.of(g.sub(n.arg(0).arg(1), n.arg(0).arg(0))) : Optional.empty(),
          // −(c·a) -> (−c)·a
          (n, g) -> is(n, NEG) && is(n.arg(0), MUL) && n.arg(0).arg(0).isConstant()
              ? Optional.of(g.mul(g.constant(-n.arg(0).arg(0).value()), n.arg(0).arg(1)))
              : Optional.empty(),
          // a/1 -> a;  0/a -> 0
          (n, g) -> is(n, DIV) && n.arg(1).isConstant(1.0) ? Optional.of(n.arg(0)) : Optional.empty(),
          (n, g) -> is(n, DIV) && n.arg(0).isConstant(0.0) ? Optional.of(g.constant(0.0)) : Optional.empty(),
          // c > 0 ? 0 : 0 -> 0
          (n, g) -> is(n, IF_POSITIVE) && n.arg(1).isConstant(0.0) ? Optional.of(g.constant(0.0)) : Optional.empty(),
          // a >= b ? x : x -> x   (and likewise for > and ==)
          (n, g) -> (is(n, IF_GREATER_OR_EQUAL) || is(n, IF_GREATER) || is(n, IF_EQUAL)) && n.arg(2) == n.arg(3)
              ? Optional.of(n.arg(2))
              : Optional.empty());

  private static boolean is(Node n, Op op) {
    return n.op() == op;
  }

  private static Optional<Node> foldConstants(Node n, Graph g) {
    if (n.op().isLeaf() || n.op().hasCustomGradient()) {
      return Optional.empty();
    }
    for (Node arg : n.args()) {
      if (!arg.isConstant()) {
        return Optional.empty();
      }
    }
    double[] empty = {};
    return Optional.of(g.constant(new Evaluator(empty, empty, empty).value(n)));
  }

  private static Optional<Node> stableSigmoid(Node n, Graph g) {
    if (!is(n, DIV) || !is(n.arg(1), ADD) || n.arg(1).args().size() != 2) {
      return Optional.empty();
    }
    Node one = n.arg(1).arg(0);
    Node exp = n.arg(1).arg(1);
    if (!one.isConstant(1.0)) {
      Node swap = one;
      one = exp;
      exp = swap;
    }
    if (!one.isConstant(1.0) || !is(exp, Op.EXP) || !is(exp.arg(0), NEG)) {
      return Optional.empty();
    }
    return Optional.of(g.mul(n.arg(0), g.node(Op.SIGMOID, exp.arg(0).arg(0))));
  }

  private static Optional<Node> dropZeroTerms(Node n, Graph g) {
    if (!is(n, ADD) || n.args().stream().noneMatch(a -> a.isConstant(0.0))) {
      return Optional.empty();
    }
    List<Node> terms = new ArrayList<>();
    for (Node arg : n.args()) {
      if (!arg.isConstant(0.0)) {
        terms.add(arg);
      }
    }
    return Optional.of(terms.isEmpty() ? g.constant(0.0) : g.add(terms));
  }
}
