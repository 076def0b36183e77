package io.gradgen.examples;

import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.BINARY_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * XOR, the classic problem no single neuron can solve: 2 inputs, a tanh hidden layer of 4, one
 * sigmoid output read as P(x₁ XOR x₂ = 1), binary cross-entropy.
 */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 4, activation = TANH),
      @Dense(name = "output", units = 1, activation = SIGMOID)
    },
    loss = BINARY_CROSS_ENTROPY)
public interface XorNet {}
