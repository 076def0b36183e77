package io.gradgen.examples;

import io.gradgen.Bias;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** docs/SEEDS.md §1: y = W·x, one weight and no bias, with the sum of squared errors (t − y)². */
@Network(
    inputs = 1,
    layers = @Dense(name = "y", units = 1, bias = Bias.NONE),
    loss = Loss.SUM_SQUARED_ERROR)
public interface LineNet {}
