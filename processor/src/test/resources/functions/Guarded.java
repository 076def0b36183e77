package fn;

import io.gradgen.Differentiable;

/**
 * Functions whose untaken branch is infinite or NaN where the function is finite: the gradient must
 * be that of the branch taken, with no 0·∞ from the other.
 */
public final class Guarded {
  private Guarded() {}

  @Differentiable
  static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(x) / x;
  }

  @Differentiable
  static double sqrtPositive(double z) {
    return z > 0 ? Math.sqrt(z) : 0;
  }

  @Differentiable
  static double softplusLinearTail(double z) {
    return z > 30 ? z : Math.log1p(Math.exp(z));
  }

  @Differentiable
  static double elu(double z) {
    return z > 0 ? z : Math.exp(z) - 1;
  }

  @Differentiable
  static double pow15(double z) {
    return z > 0 ? Math.pow(z, 1.5) : 0;
  }

  @Differentiable
  static double nested(double x) {
    return x == 0 ? 1 : (x > 5 ? 2 : Math.sin(x) / x);
  }

  /** One value t under two different conditions: at 0 neither branch that reads t is taken. */
  @Differentiable
  static double sharedBranch(double x) {
    double t = Math.sin(x) / x;
    return (x == 0 ? 1 : t) + (x > 1 ? t : 0);
  }

  /** The guarded value kept in a local and used twice. */
  @Differentiable
  static double logSquared(double x) {
    double l = Math.log(x);
    return x > 0 ? l * l : 0;
  }

  @Differentiable
  static double reciprocalAbove(double x) {
    return x > 1 ? 1 / (x - 1) : 0;
  }

  @Differentiable
  static double logOf(double x) {
    return Math.log(x);
  }

  /** The guarded branch is a call to another @Differentiable method. */
  @Differentiable
  static double guardedCall(double x) {
    return x > 0 ? logOf(x) * x : 0;
  }

  /** Two arguments, the guard on one and the infinity in the other's partial. */
  @Differentiable
  static double twoArguments(double a, double b) {
    return a < b ? Math.sqrt(b - a) * a : a * b;
  }

  /** |√x| at 0: |·|'s convention (0 at 0) holds, no 0·∞ from √'s infinite slope. */
  @Differentiable
  static double absOfSqrt(double x) {
    return Math.abs(Math.sqrt(x));
  }

  /** Unrolled: each element guarded on its own. */
  @Differentiable(wrt = "x")
  static double sumOfRoots(double[] x) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += x[i] > 0 ? Math.sqrt(x[i]) : 0;
    }
    return sum;
  }

  /** A chain of selects, each reading the last one's value in a branch with a pole. */
  @Differentiable
  static double chain(double x) {
    double v = x;
    for (int i = 0; i < 6; i++) {
      v = v > 0 ? Math.log(v) + 1 : v * 0.5;
    }
    return v;
  }
}
