package io.gradgen.processor.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the constructs of a function body as it will be unrolled: a loop's body once per
 * iteration when its bounds are literals, a call with the callee's body inlined.
 */
final class AstSize {
  private final Map<String, FunctionSpec> functions;
  private final Set<String> calling = new HashSet<>();

  private AstSize(Map<String, FunctionSpec> functions) {
    this.functions = functions;
  }

  static long of(FunctionSpec f, Map<String, FunctionSpec> functions) {
    AstSize size = new AstSize(functions);
    size.calling.add(f.key());
    return size.count(f.body());
  }

  private long count(List<Ast> nodes) {
    long total = 0;
    for (Ast a : nodes) {
      total += count(a);
    }
    return total;
  }

  private long count(Ast a) {
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
      FunctionSpec callee = functions.get(c.function());
      long body = 0;
      if (callee != null && calling.add(callee.key())) { // recursion is reported elsewhere
        body = count(callee.body());
        calling.remove(callee.key());
      }
      return 1 + count(c.args()) + body;
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
