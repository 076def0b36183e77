package io.gradgen.processor.lower;

import io.gradgen.processor.graph.Op;
import java.util.List;

/** An expression of lowered code: what one Java expression computes, before it is printed. */
public sealed interface Expr permits Expr.Ref, Expr.Element, Expr.Literal, Expr.Apply {
  /** A local variable. */
  record Ref(String name) implements Expr {}

  /** An element of one of the method's arrays: {@code x[0]}, {@code p[4]}, {@code t[1]}. */
  record Element(String array, int index) implements Expr {}

  /** A {@code double} literal. */
  record Literal(double value) implements Expr {}

  /** An op applied to sub-expressions; never a custom-gradient op (those lower to their value). */
  record Apply(Op op, List<Expr> args) implements Expr {
    public Apply {
      args = List.copyOf(args);
    }
  }
}
