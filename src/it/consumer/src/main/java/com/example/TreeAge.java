package com.example;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** Predicts a tree's age from its width and length (docs/SEEDS.md §4): 2 inputs, 2 hidden, 1 output. */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 2, activation = Activation.IDENTITY),
      @Dense(name = "age", units = 1, activation = Activation.IDENTITY)
    },
    loss = Loss.MEAN_SQUARED_ERROR)
public interface TreeAge {}
