package io.gradgen.examples;

import static io.gradgen.Activation.IDENTITY;
import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Bias.SHARED;
import static io.gradgen.Loss.HALF_SUM_SQUARED_ERROR;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Prefixes of the docs/SEEDS.md §3 network, declared with gradgen so that the worked example's
 * intermediate values (l_h, out_h, l_o) come out of generated code too. Each shares the seed
 * network's parameter layout for the layers it has.
 */
final class SeedSubNetworks {
  private SeedSubNetworks() {}

  /** l_h1, l_h2: the hidden layer before its sigmoid. */
  @Network(
      inputs = 2,
      layers = @Dense(name = "hidden", units = 2, activation = IDENTITY, bias = SHARED),
      loss = HALF_SUM_SQUARED_ERROR)
  interface HiddenLogits {}

  /** out_h1, out_h2. */
  @Network(
      inputs = 2,
      layers = @Dense(name = "hidden", units = 2, activation = SIGMOID, bias = SHARED),
      loss = HALF_SUM_SQUARED_ERROR)
  interface Hidden {}

  /** l_o1, l_o2: the whole network without the output sigmoid. */
  @Network(
      inputs = 2,
      layers = {
        @Dense(name = "hidden", units = 2, activation = SIGMOID, bias = SHARED),
        @Dense(name = "output", units = 2, activation = IDENTITY, bias = SHARED)
      },
      loss = HALF_SUM_SQUARED_ERROR)
  interface OutputLogits {}

  /** docs/SEEDS.md §1: y = W·x with the sum of squared errors. */
  @Network(
      inputs = 1,
      layers = @Dense(name = "y", units = 1, bias = io.gradgen.Bias.NONE),
      loss = io.gradgen.Loss.SUM_SQUARED_ERROR)
  interface Line {}
}
