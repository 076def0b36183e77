package io.gradgen.examples.bench;

import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.CodeShape;
import io.gradgen.Dense;
import io.gradgen.Network;

/**
 * The networks that check {@code CodeShape.AUTO}'s rule: each size twice, once as {@code AUTO}
 * chooses and once in the other shape. 8-8-8 (144 weights and biases, an estimated 5,400-byte
 * {@code gradient}) is straight-line under {@code AUTO}; 12-12-12 (312, an estimated 11,300 bytes,
 * past the 8,000-byte JIT limit) is loops.
 */
final class ShapeNets {
  private ShapeNets() {}

  /** 8-8-8, tanh/softmax: {@code AUTO} gives straight-line code. */
  @Network(
      inputs = 8,
      layers = {
        @Dense(name = "hidden", units = 8, activation = TANH),
        @Dense(name = "output", units = 8, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY)
  interface Square8 {}

  /** 8-8-8 forced to loops. */
  @Network(
      inputs = 8,
      layers = {
        @Dense(name = "hidden", units = 8, activation = TANH),
        @Dense(name = "output", units = 8, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY,
      code = CodeShape.LOOPS)
  interface Square8Loops {}

  /** 12-12-12, tanh/softmax: {@code AUTO} gives loops. */
  @Network(
      inputs = 12,
      layers = {
        @Dense(name = "hidden", units = 12, activation = TANH),
        @Dense(name = "output", units = 12, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY)
  interface Square12 {}

  /** 12-12-12 forced to straight-line code. */
  @Network(
      inputs = 12,
      layers = {
        @Dense(name = "hidden", units = 12, activation = TANH),
        @Dense(name = "output", units = 12, activation = SOFTMAX)
      },
      loss = CATEGORICAL_CROSS_ENTROPY,
      code = CodeShape.STRAIGHT_LINE)
  interface Square12Straight {}
}
