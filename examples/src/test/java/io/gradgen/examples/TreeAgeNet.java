package io.gradgen.examples;

import static io.gradgen.Activation.IDENTITY;
import static io.gradgen.Loss.MEAN_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * docs/SEEDS.md §4: a tree's age from its width and length; 2 inputs, a hidden layer of 2, 1 output,
 * identity everywhere, mean squared error. Layout: hidden.w[0][0..1], hidden.w[1][0..1],
 * hidden.b[0..1], output.w[0][0..1], output.b[0].
 */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 2, activation = IDENTITY),
      @Dense(name = "output", units = 1, activation = IDENTITY)
    },
    loss = MEAN_SQUARED_ERROR)
interface TreeAgeNet {}
