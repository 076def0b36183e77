package io.gradgen.examples.bench;

import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Bias.SHARED;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;
import static io.gradgen.Loss.HALF_SUM_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;
import io.gradgen.Precision;

/** The four benchmark networks again, declared with {@code precision = Precision.FLOAT}. */
final class FloatNets {
  private FloatNets() {}

  /** {@code SeedNet} in float: 2-2-2, sigmoid, shared biases, ½·SSE. */
  @Network(
      inputs = 2,
      layers = {
        @Dense(name = "hidden", units = 2, activation = SIGMOID, bias = SHARED),
        @Dense(name = "output", units = 2, activation = SIGMOID, bias = SHARED)
      },
      loss = HALF_SUM_SQUARED_ERROR,
      precision = Precision.FLOAT)
  interface Seed {}

  /** {@link Net4x8x3} in float. */
  @Network(
      inputs = 4,
      layers = {
        @Dense(name = "hidden", units = 8, activation = TANH),
        @Dense(name = "output", units = 3, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY,
      precision = Precision.FLOAT)
  interface Net4x8x3 {}

  /** {@link Net64x32x10} in float. */
  @Network(
      inputs = 64,
      layers = {
        @Dense(name = "hidden", units = 32, activation = RELU),
        @Dense(name = "output", units = 10, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY,
      precision = Precision.FLOAT)
  interface Net64x32x10 {}

  /** {@link Net784x128x10} in float. */
  @Network(
      inputs = 784,
      layers = {
        @Dense(name = "hidden", units = 128, activation = RELU),
        @Dense(name = "output", units = 10, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY,
      precision = Precision.FLOAT)
  interface Net784x128x10 {}
}
