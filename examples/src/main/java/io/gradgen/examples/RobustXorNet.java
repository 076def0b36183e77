package io.gradgen.examples;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Differentiable;
import io.gradgen.Loss;
import io.gradgen.Network;

/**
 * XOR as regression, with an activation and a loss written in plain Java: a swish hidden layer
 * ({@code z·sigmoid(z)}) and the Huber loss. gradgen derives both derivatives from these bodies.
 */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 6, activation = Activation.CUSTOM, function = "swish"),
      @Dense(name = "output", units = 1)
    },
    loss = Loss.CUSTOM,
    lossFunction = "huber")
public interface RobustXorNet {
  /** swish(z) = z·σ(z) = z / (1 + e^−z). */
  @Differentiable
  static double swish(double z) {
    return z / (1 + Math.exp(-z));
  }

  /** Huber loss with δ = 1: quadratic for small errors, linear for large ones. */
  @Differentiable
  static double huber(double output, double target) {
    double d = output - target;
    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
  }
}
