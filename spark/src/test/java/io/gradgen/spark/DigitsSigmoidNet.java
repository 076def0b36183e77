package io.gradgen.spark;

import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/** Digits 64-32-10, sigmoid/softmax: the architecture MLlib's MultilayerPerceptronClassifier trains. */
@Network(
    inputs = 64,
    layers = {
      @Dense(name = "hidden", units = 32, activation = SIGMOID),
      @Dense(name = "output", units = 10, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface DigitsSigmoidNet {}
