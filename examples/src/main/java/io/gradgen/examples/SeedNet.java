package io.gradgen.examples;

import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Bias.SHARED;
import static io.gradgen.Loss.HALF_SUM_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * The worked 2-2-2 network of docs/SEEDS.md §3: two inputs, a sigmoid hidden layer of two neurons with
 * one shared bias b1, a sigmoid output layer of two neurons with one shared bias b2, and the loss
 * E = ½·Σ(t − o)².
 *
 * <p>The generated {@code SeedNetModel} stores the parameters in the order of the worked example:
 * {@code p[0..3] = w1..w4}, {@code p[4] = b1}, {@code p[5..8] = w5..w8}, {@code p[9] = b2}.
 */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "hidden", units = 2, activation = SIGMOID, bias = SHARED),
      @Dense(name = "output", units = 2, activation = SIGMOID, bias = SHARED)
    },
    loss = HALF_SUM_SQUARED_ERROR)
public interface SeedNet {}
