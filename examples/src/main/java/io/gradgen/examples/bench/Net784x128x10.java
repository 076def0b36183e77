package io.gradgen.examples.bench;

import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Benchmark network 784-128-10 (MNIST-sized): ReLU hidden layer, softmax output, categorical
 * cross-entropy. 101,770 parameters; {@code AUTO} generates loops.
 */
@Network(
    inputs = 784,
    layers = {
      @Dense(name = "hidden", units = 128, activation = RELU),
      @Dense(name = "output", units = 10, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface Net784x128x10 {}
