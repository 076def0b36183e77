package fn;

import io.gradgen.Differentiable;
import io.gradgen.Parameter;

/** One method per construct of the differentiable subset. */
public abstract class Constructs {
  @Parameter double scale;
  @Parameter double shift;

  @Differentiable
  static double arithmetic(double a, double b) {
    return (a + b) * (a - b) / (1 + a * a) - -b;
  }

  @Differentiable
  static double exponentials(double a, double b) {
    return Math.exp(a) * Math.log(b) + Math.log1p(a * a) + Math.sqrt(b);
  }

  @Differentiable
  static double powers(double a, double b) {
    return Math.pow(a, 3) + Math.pow(b, a) + Math.pow(a, 0.5);
  }

  @Differentiable
  static double trigonometry(double a, double b) {
    return Math.sin(a * b) + Math.cos(a) * Math.tanh(b);
  }

  @Differentiable
  static double kinks(double a, double b) {
    return Math.abs(a - b) + Math.max(a, 2 * b) - Math.min(a * a, b);
  }

  @Differentiable
  static double ternaries(double a, double b) {
    double lt = a < b ? a * b : a + b;
    double le = a <= b ? Math.exp(a) : b;
    double gt = a > b ? a : b * b;
    double ge = a >= 0.5 ? a * a : -a;
    double ne = a != b ? a - b : 0;
    return lt + le + gt + ge + ne;
  }

  @Differentiable
  static double square(double a) {
    return a * a;
  }

  @Differentiable
  static double calls(double a, double b) {
    return square(a) + 3 * square(a - b);
  }

  @Differentiable(wrt = {"w", "x"})
  static double loops(double w, double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double e = w * x[i] - y[i];
      sum += e * e;
    }
    for (int i = 3; i >= 1; i -= 2) {
      sum *= 1 + 0.1 * x[i] * x[i - 1];
    }
    return sum;
  }

  @Differentiable
  static double floats(float a, double b) {
    float doubled = 2 * a;
    return doubled * b;
  }

  @Differentiable
  double affine(double x) {
    return scale * x + this.shift;
  }

  /** A concrete instance for tests. */
  static final class Instance extends Constructs {
    Instance(double scale, double shift) {
      this.scale = scale;
      this.shift = shift;
    }
  }
}
