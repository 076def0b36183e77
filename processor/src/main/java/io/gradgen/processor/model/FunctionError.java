package io.gradgen.processor.model;

/**
 * A construct outside gradgen's differentiable subset, or a misuse found while building the graph
 * (an index out of range, recursion). Reported as a compile error at {@link #at()}.
 */
public final class FunctionError extends RuntimeException {
  /** What the subset supports, appended to messages about unsupported constructs. */
  public static final String SUPPORTED =
      "supported: double/float locals and arguments, double[] arguments with constant or"
          + " loop-index subscripts, + - * /, unary minus, Math.exp/log/log1p/sqrt/pow/abs/tanh/"
          + "sin/cos/max/min, ternaries on comparisons, calls to @Differentiable static methods of"
          + " the same class, for loops with constant bounds, return";

  private final transient Object at;

  public FunctionError(Object at, String message) {
    super(message);
    this.at = at;
  }

  /** Where the problem is: the {@link Ast#at()} of the construct. */
  public Object at() {
    return at;
  }
}
