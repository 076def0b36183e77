package com.example.modular;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Differentiable;
import io.gradgen.Loss;
import io.gradgen.Network;

/** README's custom-function network: swish hidden units, Huber loss. */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 4, activation = Activation.CUSTOM, function = "swish"),
      @Dense(name = "out", units = 1)
    },
    loss = Loss.CUSTOM,
    lossFunction = "huber")
public interface RobustNet {
  /** Swish, z·σ(z). */
  @Differentiable
  static double swish(double z) {
    return z / (1 + Math.exp(-z));
  }

  /** Huber loss with δ = 1. */
  @Differentiable
  static double huber(double output, double target) {
    double d = output - target;
    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
  }
}
