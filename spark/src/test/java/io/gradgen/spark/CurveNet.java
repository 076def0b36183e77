package io.gradgen.spark;

import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.MEAN_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;

/** Regression 1-8-1, tanh then identity, mean squared error: a network MLlib's perceptron cannot train. */
@Network(
    inputs = 1,
    layers = {
      @Dense(name = "hidden", units = 8, activation = TANH),
      @Dense(name = "out", units = 1)
    },
    loss = MEAN_SQUARED_ERROR)
public interface CurveNet {}
