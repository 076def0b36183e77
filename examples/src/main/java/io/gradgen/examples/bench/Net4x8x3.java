package io.gradgen.examples.bench;

import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/** Benchmark network 4-8-3: tanh hidden layer, softmax output, categorical cross-entropy. 67 parameters. */
@Network(
    inputs = 4,
    layers = {
      @Dense(name = "hidden", units = 8, activation = TANH),
      @Dense(name = "output", units = 3, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface Net4x8x3 {}
