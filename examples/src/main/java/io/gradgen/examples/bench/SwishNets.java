package io.gradgen.examples.bench;

import static io.gradgen.Activation.CUSTOM;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.HALF_SUM_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Differentiable;
import io.gradgen.Loss;
import io.gradgen.Network;

/**
 * A custom activation and loss at full size: 784-128-10 with a swish hidden layer and a squared
 * error written as plain Java, against the same network with built-in tanh and the built-in loss.
 * Both are loops under {@code AUTO}; the custom one's derivatives are derived from its methods.
 */
final class SwishNets {
  private SwishNets() {}

  /** 784-128-10, swish and a plain-Java ½(o − t)². */
  @Network(
      inputs = 784,
      layers = {
        @Dense(name = "hidden", units = 128, activation = CUSTOM, function = "swish"),
        @Dense(name = "output", units = 10)
      },
      loss = Loss.CUSTOM,
      lossFunction = "halfSquare")
  interface Swish {
    @Differentiable
    static double swish(double z) {
      return z / (1 + Math.exp(-z));
    }

    @Differentiable
    static double halfSquare(double output, double target) {
      double d = output - target;
      return 0.5 * d * d;
    }
  }

  /** The same network with built-in tanh and ½Σ(t − o)². */
  @Network(
      inputs = 784,
      layers = {
        @Dense(name = "hidden", units = 128, activation = TANH),
        @Dense(name = "output", units = 10)
      },
      loss = HALF_SUM_SQUARED_ERROR)
  interface Tanh {}
}
