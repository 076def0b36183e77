package io.gradgen.examples;

import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Iris: 4 measurements (cm) of a flower, a tanh hidden layer of 8, and a softmax over the 3
 * species; categorical cross-entropy. 67 parameters.
 */
@Network(
    inputs = 4,
    layers = {
      @Dense(name = "hidden", units = 8, activation = TANH),
      @Dense(name = "output", units = 3, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface IrisNet {}
