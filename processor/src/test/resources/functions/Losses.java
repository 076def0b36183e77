package fn;

import io.gradgen.Differentiable;

/** Robust regression losses written in plain Java. */
public final class Losses {
  private Losses() {}

  /** Huber loss with δ = 1: quadratic near 0, linear beyond. */
  @Differentiable
  static double huber(double output, double target) {
    double d = output - target;
    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
  }

  /** log(cosh(d)), written stably: |d| + log1p(e^(−2|d|)) − ln 2. */
  @Differentiable
  static double logCosh(double output, double target) {
    double d = Math.abs(output - target);
    return d + Math.log1p(Math.exp(-2 * d)) - Math.log(2);
  }
}
