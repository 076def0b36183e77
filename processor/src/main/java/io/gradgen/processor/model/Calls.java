package io.gradgen.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which functions a {@code @Differentiable} method calls, directly or through others. */
public final class Calls {
  private Calls() {}

  /** True when {@code f} calls one of {@code names}, directly or through the methods of {@code functions}. */
  public static boolean reachesAny(FunctionSpec f, Map<String, FunctionSpec> functions, Set<String> names) {
    Set<String> seen = new HashSet<>();
    Deque<FunctionSpec> work = new ArrayDeque<>(List.of(f));
    while (!work.isEmpty()) {
      FunctionSpec next = work.pop();
      Set<String> called = new HashSet<>();
      for (Ast a : next.body()) {
        collect(a, called);
      }
      for (String name : called) {
        // A call names its method or, for an overload, its key f(double, double[]).
        int paren = name.indexOf('(');
        if (names.contains(paren < 0 ? name : name.substring(0, paren))) {
          return true;
        }
        if (seen.add(name) && functions.containsKey(name)) {
          work.push(functions.get(name));
        }
      }
    }
    return false;
  }

  private static void collect(Ast a, Set<String> into) {
    if (a instanceof Ast.Call c) {
      into.add(c.function());
      c.args().forEach(arg -> collect(arg, into));
    } else if (a instanceof Ast.Element e) {
      collect(e.index(), into);
    } else if (a instanceof Ast.Unary u) {
      collect(u.operand(), into);
    } else if (a instanceof Ast.Binary b) {
      collect(b.left(), into);
      collect(b.right(), into);
    } else if (a instanceof Ast.Conditional c) {
      collect(c.condition(), into);
      collect(c.then(), into);
      collect(c.otherwise(), into);
    } else if (a instanceof Ast.Declare d && d.init() != null) {
      collect(d.init(), into);
    } else if (a instanceof Ast.Assign s) {
      collect(s.value(), into);
    } else if (a instanceof Ast.For loop) {
      collect(loop.from(), into);
      collect(loop.bound(), into);
      loop.body().forEach(b -> collect(b, into));
    } else if (a instanceof Ast.Return r) {
      collect(r.value(), into);
    }
  }
}
