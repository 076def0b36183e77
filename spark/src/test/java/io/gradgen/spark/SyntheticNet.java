package io.gradgen.spark;

import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/** The scaling run's network: 20 features, 32 tanh units, 4 classes (SparkComparison). */
@Network(
    inputs = 20,
    layers = {
      @Dense(name = "hidden", units = 32, activation = TANH),
      @Dense(name = "output", units = 4, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface SyntheticNet {}
