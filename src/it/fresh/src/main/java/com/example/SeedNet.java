package com.example;

import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Bias.SHARED;
import static io.gradgen.Loss.HALF_SUM_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;

/** README.md's first declaration, as written there. */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 2, activation = SIGMOID, bias = SHARED),
      @Dense(name = "output", units = 2, activation = SIGMOID, bias = SHARED)
    },
    loss = HALF_SUM_SQUARED_ERROR)
public interface SeedNet {}
