package io.gradgen.processor.lower;

/** One statement of a lowered method body. */
public sealed interface Statement
    permits Statement.Local, Statement.Store, Statement.Return, Statement.Comment, Statement.Spill,
        Statement.Load {
  /** {@code double name = expr;}, with an optional comment line above it. */
  record Local(String name, Expr expr, String comment) implements Statement {}

  /** {@code array[index] = expr;}, {@code += expr;} or {@code -= learningRate * expr;}, with an optional trailing comment. */
  record Store(String array, int index, Expr expr, StoreKind kind, String comment)
      implements Statement {}

  /** How a store combines its value with the array element. */
  enum StoreKind {
    /** {@code a[i] = v}: an output. */
    SET,
    /** {@code a[i] += v}: a gradient, summed over samples. */
    ADD,
    /** {@code a[i] -= learningRate * v}: the delta rule, applied in place. */
    DESCEND
  }

  /** {@code return expr;} */
  record Return(Expr expr) implements Statement {}

  /** A comment line that opens a section, e.g. the backward pass. */
  record Comment(String text) implements Statement {}

  /** {@code v[slot] = name;}: a local that a later part of a split method reads. */
  record Spill(String name, int slot) implements Statement {}

  /** {@code double name = v[slot];}: a local an earlier part of a split method computed. */
  record Load(String name, int slot) implements Statement {}
}
