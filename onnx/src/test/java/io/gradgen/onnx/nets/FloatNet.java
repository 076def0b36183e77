package io.gradgen.onnx.nets;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;
import io.gradgen.Precision;

/** A float model, exported through {@code OnnxExport.write(FloatModel, …)}. */
@Network(
    inputs = 3,
    layers = {@Dense(name = "hidden", units = 5, activation = Activation.RELU),
      @Dense(name = "out", units = 2, activation = Activation.SIGMOID)},
    loss = Loss.BINARY_CROSS_ENTROPY,
    precision = Precision.FLOAT)
public interface FloatNet {}
