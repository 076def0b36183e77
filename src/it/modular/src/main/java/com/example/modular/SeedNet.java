package com.example.modular;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** README's worked 2-2-2 network, of built-in functions. */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED),
      @Dense(name = "output", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED)
    },
    loss = Loss.HALF_SUM_SQUARED_ERROR)
public interface SeedNet {}
