package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableModel;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import io.gradgen.testing.LinearModel;
import org.junit.jupiter.api.Test;

/**
 * The users' gradient self-check: passes on an exact gradient, catches a wrong one by name, and
 * puts every parameter back bit for bit.
 */
class GradientCheckTest {
  private static final double[] PARAMETERS = {0.1, -0.7, 1.3, 0.3};
  private static final double[] X = {0.5, -2, 0.25};
  private static final double[] T = {0.7};

  @Test
  void anExactGradientPassesInOneLine() {
    GradientCheck.Result r = GradientCheck.check(new LinearModel(3, true, PARAMETERS), X, T).assertBelow(1e-9);
    // y = 0.05 + 1.4 + 0.325 + 0.3 = 2.075; E = (y − 0.7)² = 1.375²; ∂E/∂b = 2·1.375.
    assertEquals(1.375 * 1.375, r.loss(), 1e-12);
    assertEquals(2.75, r.analytic()[3], 1e-12);
    assertEquals(2.75, r.numeric()[3], 1e-9);
  }

  @Test
  void everyParameterIsRestoredToItsExactBits() {
    LinearModel model = new LinearModel(3, true, PARAMETERS);
    Parameters live = model.parameters();
    GradientCheck.check(model, X, T);
    assertArrayEquals(PARAMETERS, live.toArray(), 0.0);
    for (int i = 0; i < PARAMETERS.length; i++) {
      assertEquals(Double.doubleToRawLongBits(PARAMETERS[i]), Double.doubleToRawLongBits(live.get(i)));
    }
  }

  @Test
  void aWrongGradientIsCaughtAndTheParameterNamed() {
    DifferentiableModel wrong = new WrongBiasGradient(new LinearModel(3, true, PARAMETERS));
    GradientCheck.Result r = GradientCheck.check(wrong, X, T);
    assertEquals(3, r.worstIndex());
    assertEquals("y.b[0]", r.worstName());
    assertEquals(0.1, r.maxRelativeError(), 1e-6, "2.75 reported as 2.475");
    AssertionError e = assertThrows(AssertionError.class, () -> r.assertBelow(1e-6));
    assertTrue(e.getMessage().startsWith("gradient check failed: ∂E/∂y.b[0] (parameter 3) is 2.475"), e.getMessage());
    assertTrue(e.getMessage().endsWith("exceeds the tolerance 1.0E-6"), e.getMessage());
  }

  @Test
  void aNanGradientFails() {
    DifferentiableModel nan = new WrongBiasGradient(new LinearModel(3, true, PARAMETERS), Double.NaN);
    GradientCheck.Result r = GradientCheck.check(nan, X, T);
    assertEquals(Double.POSITIVE_INFINITY, r.maxRelativeError());
    assertThrows(AssertionError.class, () -> r.assertBelow(1e-6));
  }

  @Test
  void badArgumentsAreNamed() {
    LinearModel model = new LinearModel(3, true, PARAMETERS);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(model, new double[2], T));
    assertEquals("x has length 2, expected 3", e.getMessage());
    NullPointerException n = assertThrows(NullPointerException.class, () -> GradientCheck.check(model, X, null));
    assertEquals("target", n.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(model, X, T, 0));
    assertEquals("h must be positive and finite, but is 0.0", e.getMessage());
  }

  /** Delegates to a correct model but reports the bias gradient scaled by 0.9 (or replaced). */
  /** E = max(0, 3w) + w²/2 of one parameter w: a ReLU kink at w = 0. */
  private static final class Kink implements DifferentiableModel {
    private final LinearModel model;
    private final double error;

    Kink(double w, double error) {
      this.model = new LinearModel(1, false, w);
      this.error = error;
    }

    @Override public int inputCount() { return 1; }
    @Override public int outputCount() { return 1; }
    @Override public int parameterCount() { return 1; }
    @Override public Parameters parameters() { return model.parameters(); }
    @Override public NetworkLayout layout() { return model.layout(); }
    @Override public void predict(double[] x, double[] y) { y[0] = loss(x, y); }

    @Override
    public double loss(double[] x, double[] target) {
      double w = model.parameters().get(0);
      return Math.max(0, 3 * w) + 0.5 * w * w;
    }

    @Override
    public double gradient(double[] x, double[] target, double[] gradient) {
      double w = model.parameters().get(0);
      gradient[0] += (w > 0 ? 3 : 0) + w + error; // relu's convention: 0 at the kink
      return loss(x, target);
    }
  }

  @Test
  void aKinkWithinTheStepIsSteppedOverNotAFalseAlarm() {
    // w = 1e-4: the stencil reaches w − 2h = −1e-4, across the kink; it used to report an error near 1.
    GradientCheck.Result r = GradientCheck.check(new Kink(1e-4, 0), new double[1], new double[1]).assertBelow(1e-6);
    assertTrue(r.kinks().isEmpty());
    assertEquals(3 + 1e-4, r.numeric()[0], 1e-9);
    // A wrong gradient near the kink is still caught.
    assertThrows(AssertionError.class,
        () -> GradientCheck.check(new Kink(1e-4, 0.5), new double[1], new double[1]).assertBelow(1e-6));
  }

  @Test
  void aKinkAtThePointIsNamedAndNotCounted() {
    GradientCheck.Result r = GradientCheck.check(new Kink(0, 0), new double[1], new double[1]);
    assertEquals(java.util.List.of(0), r.kinks());
    assertEquals(0, r.maxRelativeError(), 0.0);
    assertTrue(r.toString().contains("the loss has a kink at parameter [0], where finite differences at no step agree"),
        r.toString());
    // A smooth loss has none.
    assertTrue(GradientCheck.check(new LinearModel(3, true, 0.5, -1, 2, 0.25), X, T).kinks().isEmpty());
  }

  private static final class WrongBiasGradient implements DifferentiableModel {
    private final LinearModel model;
    private final double replacement;

    WrongBiasGradient(LinearModel model) {
      this(model, 0);
    }

    WrongBiasGradient(LinearModel model, double replacement) {
      this.model = model;
      this.replacement = replacement;
    }

    @Override
    public int inputCount() {
      return model.inputCount();
    }

    @Override
    public int outputCount() {
      return 1;
    }

    @Override
    public int parameterCount() {
      return model.parameterCount();
    }

    @Override
    public Parameters parameters() {
      return model.parameters();
    }

    @Override
    public NetworkLayout layout() {
      return model.layout();
    }

    @Override
    public void predict(double[] x, double[] y) {
      model.predict(x, y);
    }

    @Override
    public double loss(double[] x, double[] target) {
      return model.loss(x, target);
    }

    @Override
    public double gradient(double[] x, double[] target, double[] gradient) {
      double[] exact = new double[gradient.length];
      double loss = model.gradient(x, target, exact);
      for (int i = 0; i < exact.length; i++) {
        gradient[i] += i == 3 ? (replacement == 0 ? 0.9 * exact[i] : replacement) : exact[i];
      }
      return loss;
    }
  }
}
