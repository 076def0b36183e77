package io.gradgen.processor.model;

import java.util.List;

/** Counts the constructs of a function body, a loop's body once per iteration when its bounds are literals. */
final class AstSize {
  private AstSize() {}

  static long of(FunctionSpec f) {
    return count(f.body());
  }

  private static long count(List<Ast> nodes) {
    long total = 0;
    for (Ast a : nodes) {
      total += count(a);
    }
    return total;
  }

  private static long count(Ast a) {
    if (a instanceof Ast.Unary u) {
      return 1 + count(u.operand());
    }
    if (a instanceof Ast.Binary b) {
      return 1 + count(b.left()) + count(b.right());
    }
    if (a instanceof Ast.Element e) {
      return 1 + count(e.index());
    }
    if (a instanceof Ast.Call c) {
      return 1 + count(c.args());
    }
    if (a instanceof Ast.Conditional c) {
      return 1 + count(c.condition()) + count(c.then()) + count(c.otherwise());
    }
    if (a instanceof Ast.Declare d) {
      return 1 + count(d.init());
    }
    if (a instanceof Ast.Assign s) {
      return 1 + count(s.value());
    }
    if (a instanceof Ast.Return r) {
      return 1 + count(r.value());
    }
    if (a instanceof Ast.For f) {
      long iterations = 16; // unknown bounds: a guess
      if (f.from() instanceof Ast.Num from && f.bound() instanceof Ast.Num bound && f.step() != 0) {
        iterations = Math.max(1, (long) Math.abs((bound.value() - from.value()) / f.step()) + 1);
      }
      return 1 + iterations * count(f.body());
    }
    return 1;
  }
}
