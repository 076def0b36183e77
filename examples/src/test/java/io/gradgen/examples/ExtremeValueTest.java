package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.GradientCheck;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every activation and every loss of generated code at logits of ±1e3 and ±1e5 (double): the
 * outputs, the loss and every gradient component are finite and equal the values computed here
 * analytically, in a stable form (logistic by the sign of z, log-sum-exp), to 1e−12 relative (1e−300
 * absolute near 0). Logits come from weights: with input x = 2, logit k is {@code w[k]·2 + b[k]}.
 */
class ExtremeValueTest {
  private static final double[] LOGITS = {1e3, -1e3, 1e5, -1e5};
  private static final double[] X = {2};

  /** σ(z) without overflow: 1/(1 + e^−z) for z ≥ 0, e^z/(1 + e^z) below. */
  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static void close(double expected, double actual, String what) {
    assertTrue(Double.isFinite(actual), what + " is " + actual + ", expected " + expected);
    double tolerance = Math.max(1e-300, 1e-12 * Math.abs(expected));
    assertEquals(expected, actual, tolerance, what);
  }

  /**
   * Runs predict, loss and gradient and compares them with the expected outputs, loss and
   * ∂E/∂z of each logit (the parameter gradients follow: ∂E/∂w = ∂E/∂z·x, ∂E/∂b = ∂E/∂z).
   */
  private static void check(
      DifferentiableModel model, double[] logits, double[] t, double[] outputs, double loss, double[] dEdz) {
    int n = logits.length;
    double[] p = new double[model.parameterCount()];
    for (int k = 0; k < n; k++) {
      p[k] = logits[k] / X[0];
      p[n + k] = 0;
    }
    model.parameters().copyFrom(p);
    String at = model.getClass().getSimpleName() + " at z = " + java.util.Arrays.toString(logits);
    double[] y = new double[n];
    model.predict(X, y);
    for (int k = 0; k < n; k++) {
      close(outputs[k], y[k], at + ": output " + k);
    }
    close(loss, model.loss(X, t), at + ": loss");
    double[] grad = new double[2 * n];
    close(loss, model.gradient(X, t, grad), at + ": loss from gradient()");
    for (int k = 0; k < n; k++) {
      close(dEdz[k] * X[0], grad[k], at + ": ∂E/∂w[" + k + "]");
      close(dEdz[k], grad[n + k], at + ": ∂E/∂b[" + k + "]");
    }
  }

  /** One logit z, output f(z), loss and ∂E/∂z from the given formulas. */
  private static void checkOne(
      DifferentiableModel model, double t, DoubleUnaryOperator f, DoubleUnaryOperator loss,
      DoubleUnaryOperator dEdz) {
    for (double z : LOGITS) {
      check(model, new double[] {z}, new double[] {t}, new double[] {f.applyAsDouble(z)},
          loss.applyAsDouble(z), new double[] {dEdz.applyAsDouble(z)});
    }
  }

  @Test
  void identityWithHalfSumSquaredError() {
    double t = 0.5;
    checkOne(new ExtremeNets_IdentityHalfSseModel(), t, z -> z, z -> 0.5 * (z - t) * (z - t), z -> z - t);
  }

  @Test
  void sigmoidIsOneAndZeroWithMeanSquaredError() {
    double t = 0.3;
    assertEquals(1.0, sigmoid(1000));
    assertEquals(0.0, sigmoid(-1000));
    checkOne(new ExtremeNets_SigmoidMseModel(), t, ExtremeValueTest::sigmoid,
        z -> (sigmoid(z) - t) * (sigmoid(z) - t),
        z -> 2 * (sigmoid(z) - t) * sigmoid(z) * sigmoid(-z));
  }

  @Test
  void tanhWithSumSquaredError() {
    double t = -0.25;
    checkOne(new ExtremeNets_TanhSseModel(), t, Math::tanh,
        z -> (Math.tanh(z) - t) * (Math.tanh(z) - t),
        z -> 2 * (Math.tanh(z) - t) * (1 - Math.tanh(z) * Math.tanh(z)));
  }

  @Test
  void reluWithHalfSumSquaredError() {
    double t = 2;
    checkOne(new ExtremeNets_ReluHalfSseModel(), t, z -> Math.max(z, 0),
        z -> 0.5 * (Math.max(z, 0) - t) * (Math.max(z, 0) - t), z -> z > 0 ? z - t : 0);
  }

  @Test
  void binaryCrossEntropyFromTheLogit() {
    // BCE at z = 1000, t = 0 is exactly 1000; at z = −1000, t = 1 also 1000.
    DifferentiableModel bce = new ExtremeNets_SigmoidBceModel();
    check(bce, new double[] {1000}, new double[] {0}, new double[] {1}, 1000, new double[] {1});
    check(bce, new double[] {-1000}, new double[] {1}, new double[] {0}, 1000, new double[] {-1});
    for (double t : new double[] {0, 0.25, 1}) {
      checkOne(bce, t, ExtremeValueTest::sigmoid,
          z -> Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))), z -> sigmoid(z) - t);
    }
  }

  /** log Σ e^{z_i}, shifted by the maximum. */
  private static double logSumExp(double[] z) {
    double max = Math.max(Math.max(z[0], z[1]), z[2]);
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  /** e^{z_i − max} / Σ e^{z_j − max} (not e^{z_i − lse}: lse = 1e5 + ln 2 has lost ln 2's low bits). */
  private static double[] softmax(double[] z) {
    double max = Math.max(Math.max(z[0], z[1]), z[2]);
    double[] e = {Math.exp(z[0] - max), Math.exp(z[1] - max), Math.exp(z[2] - max)};
    double sum = e[0] + e[1] + e[2];
    return new double[] {e[0] / sum, e[1] / sum, e[2] / sum};
  }

  @Test
  void categoricalCrossEntropyWithLogSumExp() {
    DifferentiableModel ce = new ExtremeNets_SoftmaxCeModel();
    // softmax of [1000, 0, −1000] is [1, 0, 0]; for class 2, E = lse − z₂ = 1000 + 1000.
    check(ce, new double[] {1000, 0, -1000}, new double[] {0, 0, 1}, new double[] {1, 0, 0}, 2000,
        new double[] {1, 0, -1});
    for (double s : LOGITS) {
      double[] z = {s, 0, -s};
      for (double[] t : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.2, 0.3, 0.5}}) {
        double[] p = softmax(z);
        double lse = logSumExp(z);
        double loss = 0;
        double[] dEdz = new double[3];
        for (int i = 0; i < 3; i++) {
          loss += t[i] * (lse - z[i]);
          dEdz[i] = p[i] - t[i];
        }
        check(ce, z, t, p, loss, dEdz);
      }
    }
  }

  @Test
  void softmaxJacobianWithHalfSumSquaredError() {
    DifferentiableModel model = new ExtremeNets_SoftmaxHalfSseModel();
    double[] t = {0.2, 0.3, 0.5};
    for (double s : LOGITS) {
      for (double[] z : new double[][] {{s, 0, -s}, {s, s, 0}}) {
        double[] p = softmax(z);
        double loss = 0;
        double[] dEdz = new double[3];
        for (int i = 0; i < 3; i++) {
          loss += 0.5 * (p[i] - t[i]) * (p[i] - t[i]);
          for (int j = 0; j < 3; j++) {
            dEdz[j] += (p[i] - t[i]) * p[i] * ((i == j ? 1 : 0) - p[j]);
          }
        }
        check(model, z, t, p, loss, dEdz);
      }
    }
  }

  @Test
  void saturatedSigmoidAndTanhHiddenLayersPassFiniteGradients() {
    // hidden: [σ(z), σ(−z)] (sums to 1); deep: tanh(z·(a₀ + a₁)), tanh(−z·(a₀ + a₁)); out: d₀ + 2·d₁.
    ExtremeNets_SaturatedHiddenModel model = new ExtremeNets_SaturatedHiddenModel();
    double t = 0.5;
    for (double z : LOGITS) {
      double[] p = new double[model.parameterCount()];
      p[0] = z / 2; // hidden.w[0][0]
      p[1] = -z / 2; // hidden.w[1][0]
      p[4] = z; // deep.w[0][0]
      p[5] = z;
      p[6] = -z; // deep.w[1][0]
      p[7] = -z;
      p[10] = 1; // out.w[0][0]
      p[11] = 2;
      model.parameters().copyFrom(p);
      double o = Math.tanh(z) + 2 * Math.tanh(-z);
      double[] y = new double[1];
      model.predict(X, y);
      close(o, y[0], "output at z = " + z);
      close(0.5 * (o - t) * (o - t), model.loss(X, new double[] {t}), "loss at z = " + z);
      GradientCheck.Result r = GradientCheck.check(model, X, new double[] {t}).assertBelow(1e-6);
      for (double g : r.analytic()) {
        assertTrue(Double.isFinite(g), "gradient at z = " + z + ": " + r);
      }
    }
  }

  /** softplus'(z) = σ(z); Huber'(d) = d inside ±1, sign(d) outside. */
  @Test
  void customSoftplusActivationAndHuberLoss() {
    double t = 0.5;
    DoubleUnaryOperator softplus = z -> Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    DoubleUnaryOperator huber = d -> Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
    DoubleUnaryOperator huberDerivative = d -> Math.abs(d) <= 1 ? d : Math.signum(d);
    checkOne(new ExtremeNets_CustomSoftplusHuberModel(), t, softplus,
        z -> huber.applyAsDouble(softplus.applyAsDouble(z) - t),
        z -> huberDerivative.applyAsDouble(softplus.applyAsDouble(z) - t) * sigmoid(z));
  }

  private static double swish(double z) {
    return z * sigmoid(z);
  }

  /** swish'(z) = σ(z) + z·σ(z)·σ(−z). */
  private static void checkSwish(double z) {
    checkSwish(new ExtremeNets_CustomSwishModel(), z);
  }

  private static void checkSwish(DifferentiableModel model, double z) {
    double t = 0.5;
    double o = swish(z);
    check(model, new double[] {z}, new double[] {t}, new double[] {o},
        0.5 * (o - t) * (o - t), new double[] {(o - t) * (sigmoid(z) + z * sigmoid(z) * sigmoid(-z))});
  }

  @Test
  void customSwishAtLargePositiveLogits() {
    checkSwish(1e3);
    checkSwish(1e5);
  }

  @Test
  void customSwishWrittenWithoutOverflowIsFiniteAtEveryExtremeLogit() {
    for (double z : LOGITS) {
      checkSwish(new ExtremeNets_CustomStableSwishModel(), z);
    }
  }

  /** z / (1 + e^−z) is rewritten to z·σ(z), whose gate rule stays finite where e^−z overflows. */
  @Test
  void customSwishAtLargeNegativeLogits() {
    checkSwish(-1e3);
    checkSwish(-1e5);
  }
}
