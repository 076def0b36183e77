package io.gradgen.processor.graph;

import io.gradgen.processor.model.Ast;
import io.gradgen.processor.model.FunctionError;

/** The passes of a {@code for} loop with constant bounds, counted before anything is unrolled. */
final class LoopBounds {
  private LoopBounds() {}

  /**
   * A loop is unrolled only if its index reaches the bound: stepping away from it, or overflowing
   * {@code int} on the way (Java's index would wrap around and the loop run forever or 2³² times),
   * is an error before anything is unrolled. The number of passes, computed in long, is checked
   * against the statements unrolled at most too, so a billion empty passes fail at once.
   */
  static void check(Ast.For loop, int from, int bound, long maxPasses) {
    if (!FunctionGraphBuilder.holds(loop.comparison(), from, bound)) {
      return; // no pass at all
    }
    int step = loop.step();
    boolean upward = loop.comparison().startsWith("<");
    String index = loop.index();
    if (upward ? step <= 0 : step >= 0) {
      throw new FunctionError(loop.at(), "this loop never ends: " + index + " starts at " + from + ", which is "
          + loop.comparison() + " " + bound + ", and " + (step == 0 ? "never changes" : "moves away from the bound ("
          + index + (step < 0 ? " -= " + -step : " += " + step) + ")") + "; write " + index + (upward ? "++" : "--")
          + " or turn the comparison around");
    }
    long last = from;
    long passes;
    // The last index that passes the test, then the one after it, in long arithmetic.
    if (upward) {
      long limit = loop.comparison().equals("<") ? (long) bound - 1 : bound;
      passes = (limit - from) / step + 1;
      last = from + (passes - 1) * step;
    } else {
      long limit = loop.comparison().equals(">") ? (long) bound + 1 : bound;
      passes = (from - limit) / -step + 1;
      last = from + (passes - 1) * step;
    }
    long next = last + step;
    if (next > Integer.MAX_VALUE || next < Integer.MIN_VALUE) {
      throw new FunctionError(loop.at(), "this loop never ends: after " + index + " = " + last + " the next "
          + index + " overflows int and wraps around, so " + index + " " + loop.comparison() + " " + bound
          + " never becomes false; use a bound the index can pass");
    }
    if (passes > maxPasses) {
      throw new FunctionError(loop.at(), "this loop runs " + passes + " times, more than the " + maxPasses
          + " statements gradgen unrolls; use fewer loop iterations");
    }
  }

}
