package io.gradgen.onnx.nets;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** Every built-in activation and bias shape in one network, for the exporter. */
@Network(
    inputs = 3,
    layers = {
      @Dense(name = "sigmoid", units = 4, activation = Activation.SIGMOID, bias = Bias.SHARED),
      @Dense(name = "tanh", units = 4, activation = Activation.TANH, bias = Bias.NONE),
      @Dense(name = "relu", units = 4, activation = Activation.RELU),
      @Dense(name = "leaky", units = 4, activation = Activation.LEAKY_RELU, slope = 0.2),
      @Dense(name = "elu", units = 4, activation = Activation.ELU),
      @Dense(name = "gelu", units = 4, activation = Activation.GELU),
      @Dense(name = "silu", units = 4, activation = Activation.SILU),
      @Dense(name = "softplus", units = 4, activation = Activation.SOFTPLUS),
      @Dense(name = "hard", units = 4, activation = Activation.HARD_SIGMOID),
      @Dense(name = "out", units = 3, activation = Activation.SOFTMAX)
    },
    loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public interface AllActivationsNet {}
