package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Op;

/** Thrown when the backward pass meets an op with no gate rule: never a silent zero gradient. */
public final class MissingGateRuleException extends RuntimeException {
  private final Op op;

  public MissingGateRuleException(Op op) {
    super("no gate rule for op " + op + ": gradgen cannot differentiate it");
    this.op = op;
  }

  public Op op() {
    return op;
  }
}
