package io.gradgen.spark;

import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.BINARY_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/** A binary classifier 2-8-1, tanh then one sigmoid output, binary cross-entropy. */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 8, activation = TANH),
      @Dense(name = "out", units = 1, activation = SIGMOID)
    },
    loss = BINARY_CROSS_ENTROPY)
public interface BinaryNet {}
