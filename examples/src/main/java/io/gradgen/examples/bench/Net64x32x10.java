package io.gradgen.examples.bench;

import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Benchmark network 64-32-10: ReLU hidden layer, softmax output, categorical cross-entropy. 2,410
 * parameters; too large for straight-line code, so {@code AUTO} generates loops.
 */
@Network(
    inputs = 64,
    layers = {
      @Dense(name = "hidden", units = 32, activation = RELU),
      @Dense(name = "output", units = 10, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface Net64x32x10 {}
