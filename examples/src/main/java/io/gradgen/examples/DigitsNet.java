package io.gradgen.examples;

import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * Handwritten digits: 8×8 images (64 pixels, 0..16), a relu hidden layer of 32 and a softmax over
 * the 10 digits; categorical cross-entropy. 2,410 parameters: past the straight-line size limit,
 * so gradgen generates loops ({@code CodeShape.AUTO}).
 */
@Network(
    inputs = 64,
    layers = {
      @Dense(name = "hidden", units = 32, activation = RELU),
      @Dense(name = "output", units = 10, activation = SOFTMAX)
    },
    loss = CATEGORICAL_CROSS_ENTROPY)
public interface DigitsNet {}
