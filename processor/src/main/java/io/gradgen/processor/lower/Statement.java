package io.gradgen.processor.lower;

/** One statement of a lowered method body. */
public sealed interface Statement
    permits Statement.Local, Statement.Store, Statement.Return, Statement.Comment {
  /** {@code double name = expr;}, with an optional comment line above it. */
  record Local(String name, Expr expr, String comment) implements Statement {}

  /**
   * {@code array[index] = expr;} or, when {@code accumulate}, {@code array[index] += expr;}, with an
   * optional trailing comment.
   */
  record Store(String array, int index, Expr expr, boolean accumulate, String comment)
      implements Statement {}

  /** {@code return expr;} */
  record Return(Expr expr) implements Statement {}

  /** A comment line that opens a section, e.g. the backward pass. */
  record Comment(String text) implements Statement {}
}
