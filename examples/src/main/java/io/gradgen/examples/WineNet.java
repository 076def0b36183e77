package io.gradgen.examples;

import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Wine: 13 chemical measurements of a wine, a tanh hidden layer of 8, and a softmax over the 3
 * cultivators; categorical cross-entropy. 139 parameters.
 */
@Network(
    inputs = 13,
    layers = {
      @Dense(name = "hidden", units = 8, activation = TANH),
      @Dense(name = "output", units = 3, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface WineNet {}
