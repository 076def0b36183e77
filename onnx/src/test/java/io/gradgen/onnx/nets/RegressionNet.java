package io.gradgen.onnx.nets;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** A regression network, exported with its input preprocessing and target scaling. */
@Network(
    inputs = 4,
    layers = {@Dense(name = "hidden", units = 6, activation = Activation.TANH), @Dense(name = "out", units = 2)},
    loss = Loss.MEAN_SQUARED_ERROR)
public interface RegressionNet {}
