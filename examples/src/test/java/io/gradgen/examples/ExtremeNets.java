package io.gradgen.examples;

import static io.gradgen.Activation.CUSTOM;
import static io.gradgen.Activation.IDENTITY;
import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;

import io.gradgen.Dense;
import io.gradgen.Differentiable;
import io.gradgen.Loss;
import io.gradgen.Network;

/**
 * One-layer networks, one per activation and per loss, whose logits z = w·x + b the extreme-value
 * tests drive to ±1e3 and ±1e5 by their weights. Each has one input, so logit k is {@code w[k]·x +
 * b[k]}.
 */
final class ExtremeNets {
  private ExtremeNets() {}

  /** Identity outputs, ½Σ(t − o)². */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 1, activation = IDENTITY), loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface IdentityHalfSse {}

  /** Sigmoid outputs, (1/n)Σ(t − o)². */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 1, activation = SIGMOID), loss = Loss.MEAN_SQUARED_ERROR)
  interface SigmoidMse {}

  /** Tanh outputs, Σ(t − o)². */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 1, activation = TANH), loss = Loss.SUM_SQUARED_ERROR)
  interface TanhSse {}

  /** ReLU outputs, ½Σ(t − o)². */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 1, activation = RELU), loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface ReluHalfSse {}

  /** Sigmoid outputs, binary cross-entropy from the logits. */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 1, activation = SIGMOID), loss = Loss.BINARY_CROSS_ENTROPY)
  interface SigmoidBce {}

  /** Three softmax outputs, categorical cross-entropy from the logits (log-sum-exp). */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 3, activation = SOFTMAX), loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  interface SoftmaxCe {}

  /** Three softmax outputs, ½Σ(t − o)²: the softmax Jacobian without the cross-entropy fusion. */
  @Network(inputs = 1, layers = @Dense(name = "out", units = 3, activation = SOFTMAX), loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface SoftmaxHalfSse {}

  /** Saturated hidden layers: sigmoid and tanh neurons feeding an identity output. */
  @Network(
      inputs = 1,
      layers = {
        @Dense(name = "hidden", units = 2, activation = SIGMOID),
        @Dense(name = "deep", units = 2, activation = TANH),
        @Dense(name = "out", units = 1, activation = IDENTITY)
      },
      loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface SaturatedHidden {}

  /**
   * A custom activation written the stable way a user would (softplus without overflow) and a
   * custom loss (Huber).
   */
  @Network(
      inputs = 1,
      layers = @Dense(name = "out", units = 1, activation = CUSTOM, function = "softplus"),
      loss = Loss.CUSTOM,
      lossFunction = "huber")
  interface CustomSoftplusHuber {
    /** ln(1 + e^z) as max(z, 0) + ln(1 + e^−|z|): finite for every finite z. */
    @Differentiable
    static double softplus(double z) {
      return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** ½d² for |d| ≤ 1, |d| − ½ beyond. */
    @Differentiable
    static double huber(double output, double target) {
      double d = output - target;
      return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
    }
  }

  /** Swish z·σ(z) written as README's {@code z / (1 + e^−z)}, with ½Σ(t − o)². */
  @Network(
      inputs = 1,
      layers = @Dense(name = "out", units = 1, activation = CUSTOM, function = "swish"),
      loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface CustomSwish {
    /** z·σ(z). */
    @Differentiable
    static double swish(double z) {
      return z / (1 + Math.exp(-z));
    }
  }

  /** Swish by the sign of z, so that no branch computes e^{|z|}: the form README recommends. */
  @Network(
      inputs = 1,
      layers = @Dense(name = "out", units = 1, activation = CUSTOM, function = "swish"),
      loss = Loss.HALF_SUM_SQUARED_ERROR)
  interface CustomStableSwish {
    /** z·σ(z), with σ computed from e^{−|z|}. */
    @Differentiable
    static double swish(double z) {
      double e = Math.exp(-Math.abs(z));
      return z >= 0 ? z / (1 + e) : z * e / (1 + e);
    }
  }
}
