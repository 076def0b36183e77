package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a model's gradient against central finite differences at one sample, so that a test can
 * hold any {@link DifferentiableModel} (generated or hand-written) to its exact gradient in one
 * line:
 *
 * <pre>{@code
 * GradientCheck.check(model, x, target).assertBelow(1e-6);
 * }</pre>
 *
 * <p>Each parameter θ is estimated with the fourth-order stencil {@code (−E(θ+2h) + 8E(θ+h) −
 * 8E(θ−h) + E(θ−2h)) / 12h} at h = {@value #DEFAULT_STEP}, whose error is near 1e−12 for smooth
 * losses, and compared with the analytic ∂E/∂θ of {@link DifferentiableModel#gradient} by the
 * relative error {@code |analytic − numeric| / max(|analytic|, |numeric|, }{@value #FLOOR}{@code
 * )}; gradients smaller than the floor are compared absolutely, since their relative error is
 * rounding noise. Every perturbed parameter is put back to its exact original bits, even if the
 * model throws.
 *
 * <p>A kink of the loss (ReLU or |x| at 0, a branch of a conditional) within the stencil's reach
 * spoils the estimate, not the gradient. Where the estimate disagrees with the analytic value, the
 * stencil is evaluated again with steps h/10, h/100, h/1000: on a smooth loss successive estimates
 * agree (their error is near h⁴), so two that disagree show a crossed kink, and the first pair of
 * steps that agree again gives the estimate. A parameter for which no step agrees sits on a kink:
 * it is listed in {@link Result#kinks()}, left out of the maximum error, and named in the message.
 *
 * <p>It calls {@code loss} 4·P times: meant for tests, not for training loops. Not thread-safe:
 * it writes the model's parameters while it runs.
 */
public final class GradientCheck {
  /** The default step h. */
  public static final double DEFAULT_STEP = 1e-4;

  /** Below this magnitude gradients are compared absolutely. */
  public static final double FLOOR = 1e-4;

  /** Two estimates this close are taken to agree. */
  private static final double AGREE = 1e-7;

  private GradientCheck() {}

  /**
   * The comparison of every parameter's analytic and numeric gradient.
   *
   * @param loss the loss E at the unperturbed parameters
   * @param analytic ∂E/∂θ from {@link DifferentiableModel#gradient}, in layout order
   * @param numeric the finite-difference estimates, in layout order
   * @param worstIndex the parameter with the largest relative error (0 if all agree exactly)
   * @param worstName that parameter's name, as {@code layer.w[unit][input]}
   * @param maxRelativeError its relative error; +∞ if a gradient is NaN or infinite
   * @param kinks the parameters at whose value the loss has a kink, where finite differences say
   *     nothing (left out of {@code maxRelativeError})
   */
  public record Result(
      double loss,
      double[] analytic,
      double[] numeric,
      int worstIndex,
      String worstName,
      double maxRelativeError,
      List<Integer> kinks) {

    /**
     * Copies the kinks.
     *
     * @param loss the loss E at the unperturbed parameters
     * @param analytic ∂E/∂θ, in layout order
     * @param numeric the finite-difference estimates
     * @param worstIndex the parameter with the largest relative error
     * @param worstName that parameter's name
     * @param maxRelativeError its relative error
     * @param kinks the parameters sitting on a kink of the loss
     */
    public Result {
      kinks = List.copyOf(kinks);
    }

    /**
     * The relative error of parameter {@code index}, as the class comment defines it.
     *
     * @param index a parameter index
     * @return the relative error of parameter {@code index}, as the class comment defines it
     */
    public double relativeError(int index) {
      return GradientCheck.relativeError(analytic[index], numeric[index]);
    }

    /**
     * Returns this result if every relative error is at most {@code tolerance}, else throws.
     *
     * @param tolerance the largest relative error allowed
     * @return this result if every relative error is at most {@code tolerance}, else throws
     * @throws AssertionError naming the worst parameter, its analytic and numeric gradient and the
     *     error, so that a test framework reports a failure
     */
    public Result assertBelow(double tolerance) {
      if (!(maxRelativeError <= tolerance)) {
        throw new AssertionError(
            "gradient check failed: " + this + " exceeds the tolerance " + tolerance);
      }
      return this;
    }

    @Override
    public String toString() {
      String worst = analytic.length == 0
          ? "no parameters"
          : "∂E/∂" + worstName + " (parameter " + worstIndex + ") is " + analytic[worstIndex]
              + " analytically and " + numeric[worstIndex] + " by finite differences: relative error "
              + maxRelativeError;
      return kinks.isEmpty() ? worst : worst + "; the loss has a kink at parameter" + (kinks.size() == 1 ? " " : "s ")
          + kinks + ", where finite differences at no step agree (not counted)";
    }
  }

  /**
   * Checks {@code model}'s gradient at input {@code x} and target {@code target}, with h = 1e−4.
   *
   * @param model the model to check; its parameters are put back exactly
   * @param x the sample's inputs
   * @param target the sample's targets
   * @return the result, per parameter
   */
  public static Result check(DifferentiableModel model, double[] x, double[] target) {
    return check(model, x, target, DEFAULT_STEP);
  }

  /**
   * Checks {@code model}'s gradient at input {@code x} and target {@code target} with step {@code
   * h}.
   *
   * @param model the model to check; its parameters are put back exactly
   * @param x the sample's inputs
   * @param target the sample's targets
   * @param h the finite-difference step
   * @return the result, per parameter
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code x} or {@code target} has the wrong length, {@code h}
   *     is not positive and finite, or a parameter is not finite
   */
  public static Result check(DifferentiableModel model, double[] x, double[] target, double h) {
    Objects.requireNonNull(model, "model");
    Checks.length("x", x, model.inputCount());
    Checks.length("target", target, model.outputCount());
    if (!(h > 0 && Double.isFinite(h))) {
      throw new IllegalArgumentException("h must be positive and finite, but is " + h);
    }
    double[] p = model.parameters().toArray();
    for (int i = 0; i < p.length; i++) {
      if (!Double.isFinite(p[i])) {
        throw new IllegalArgumentException(
            "parameter " + i + " (" + model.parameterName(i) + ") is " + p[i] + ", not finite");
      }
    }
    double[] analytic = new double[p.length];
    double loss = model.gradient(x, target, analytic);
    double[] numeric = new double[p.length];
    int worst = 0;
    double maxError = 0;
    List<Integer> kinks = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      double[] wide = derivative(model, x, target, i, h, loss);
      numeric[i] = wide[0];
      double error = relativeError(analytic[i], numeric[i]);
      if (error > AGREE) {
        // Smaller steps: two successive estimates that agree are past any kink the wider step crossed.
        double[] previous = wide;
        boolean kinkAtPoint = false;
        for (double step = h / 10; step >= h / 1000; step /= 10) {
          double[] finer = derivative(model, x, target, i, step, loss);
          // On a smooth loss the one-sided slopes close in as the step shrinks; at a kink they stay apart.
          kinkAtPoint = Math.abs(finer[1]) > 0.5 * Math.abs(previous[1])
              && Math.abs(finer[1]) > AGREE * Math.max(FLOOR, Math.abs(finer[0]));
          if (!kinkAtPoint && relativeError(previous[0], finer[0]) <= AGREE) {
            numeric[i] = previous[0];
            error = relativeError(analytic[i], previous[0]);
            break;
          }
          previous = finer;
        }
        if (kinkAtPoint) {
          kinks.add(i);
          continue;
        }
      }
      if (error > maxError) {
        maxError = error;
        worst = i;
      }
    }
    String name = p.length == 0 ? "" : model.parameterName(worst);
    return new Result(loss, analytic, numeric, worst, name, maxError, kinks);
  }

  /**
   * The fourth-order central difference of the loss in parameter {@code i}, and the gap between its
   * one-sided slopes {@code (E(θ+h) − 2E(θ) + E(θ−h)) / h} (about h·E'' on a smooth loss; the
   * jump of the slope at a kink); restores the parameter exactly.
   */
  private static double[] derivative(
      DifferentiableModel model, double[] x, double[] target, int i, double h, double loss) {
    Parameters p = model.parameters();
    double theta = p.get(i);
    try {
      p.set(i, theta + 2 * h);
      double plus2 = model.loss(x, target);
      p.set(i, theta + h);
      double plus1 = model.loss(x, target);
      p.set(i, theta - h);
      double minus1 = model.loss(x, target);
      p.set(i, theta - 2 * h);
      double minus2 = model.loss(x, target);
      return new double[] {(-plus2 + 8 * plus1 - 8 * minus1 + minus2) / (12 * h), (plus1 - 2 * loss + minus1) / h};
    } finally {
      p.set(i, theta);
    }
  }

  /** {@code |a − n| / max(|a|, |n|, FLOOR)}; +∞ when either is NaN or infinite. */
  static double relativeError(double analytic, double numeric) {
    if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(analytic - numeric)
        / Math.max(FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
  }
}
