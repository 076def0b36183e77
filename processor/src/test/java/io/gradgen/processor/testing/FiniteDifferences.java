package io.gradgen.processor.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableModel;
import io.gradgen.Parameters;
import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences of the fourth order,
 * {@code f'(θ) ≈ (−f(θ+2h) + 8f(θ+h) − 8f(θ−h) + f(θ−2h)) / 12h}, whose error (about h⁴ from
 * truncation plus 1e−16·|f|/h from rounding) is near 1e−12 at h = 1e−4: small enough to hold an
 * exact gradient to a relative error of 1e−6.
 */
public final class FiniteDifferences {
  /** Step size. */
  public static final double H = 1e-4;

  /** Gradients smaller than this are compared absolutely: their relative error is rounding noise. */
  public static final double FLOOR = 1e-4;

  private FiniteDifferences() {}

  /** The derivative of {@code f} at {@code theta}. */
  public static double derivative(DoubleUnaryOperator f, double theta) {
    return (-f.applyAsDouble(theta + 2 * H)
            + 8 * f.applyAsDouble(theta + H)
            - 8 * f.applyAsDouble(theta - H)
            + f.applyAsDouble(theta - 2 * H))
        / (12 * H);
  }

  /** {@code |exact − estimate| / max(|exact|, |estimate|, FLOOR)}. */
  public static double relativeError(double exact, double estimate) {
    return relativeError(exact, estimate, 1.0);
  }

  /**
   * The same for a function of magnitude {@code scale}: the rounding error of the estimate grows
   * with |f| (1e−16·|f|/h), so the floor below which errors count absolutely grows with it.
   */
  public static double relativeError(double exact, double estimate, double scale) {
    double floor = FLOOR * Math.max(1.0, Math.abs(scale));
    return Math.abs(exact - estimate) / Math.max(floor, Math.max(Math.abs(exact), Math.abs(estimate)));
  }

  /**
   * Asserts that every component of the model's gradient at (x, t) matches the finite difference
   * of its loss to a relative error below 1e−6, restoring every parameter afterwards.
   *
   * @param context names the case in a failure message
   */
  public static void assertGradientMatches(DifferentiableModel model, double[] x, double[] t, String context) {
    Parameters p = model.parameters();
    double[] grad = new double[p.size()];
    double loss = model.gradient(x, t, grad);
    for (int i = 0; i < p.size(); i++) {
      final int k = i;
      double saved = p.get(k);
      double estimate = derivative(v -> {
        p.set(k, v);
        return model.loss(x, t);
      }, saved);
      p.set(k, saved);
      double error = relativeError(grad[k], estimate, loss);
      // A kink (ReLU at 0, a branch) within the stencil spoils the estimate, not the gradient:
      // smaller steps that no longer cross it agree again. A wrong gradient agrees at no step.
      for (double step = H / 10; error >= 1e-6 && step >= H / 1000; step /= 10) {
        final double h = step;
        double finer = (-lossAt(model, x, t, k, saved + 2 * h) + 8 * lossAt(model, x, t, k, saved + h)
            - 8 * lossAt(model, x, t, k, saved - h) + lossAt(model, x, t, k, saved - 2 * h)) / (12 * h);
        p.set(k, saved);
        error = Math.min(error, relativeError(grad[k], finer, loss));
      }
      assertTrue(error < 1e-6, context + " ∂E/∂" + model.parameterName(k) + ": generated " + grad[k]
          + ", finite differences " + estimate + ", relative error " + error);
    }
  }

  private static double lossAt(DifferentiableModel model, double[] x, double[] t, int k, double value) {
    model.parameters().set(k, value);
    return model.loss(x, t);
  }
}
