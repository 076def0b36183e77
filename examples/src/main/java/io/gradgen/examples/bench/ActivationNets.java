package io.gradgen.examples.bench;

import static io.gradgen.Activation.RELU;
import static io.gradgen.Activation.SIGMOID;
import static io.gradgen.Activation.SOFTMAX;
import static io.gradgen.Activation.TANH;
import static io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY;

import io.gradgen.Dense;
import io.gradgen.MathMode;
import io.gradgen.Network;
import io.gradgen.Precision;

/**
 * 784-128-10 with a tanh or sigmoid hidden layer computed by {@code FastMath} ({@code math =
 * MathMode.FAST}), in double and float, against {@link Net784x128x10} and its float twin (relu):
 * the activation rows of the table.
 */
final class ActivationNets {
  private ActivationNets() {}

  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = TANH),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY,
      math = MathMode.FAST)
  interface Tanh {}

  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = SIGMOID),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY,
      math = MathMode.FAST)
  interface Sigmoid {}

  /** The tanh network with {@code Math.tanh}: what FAST saves. */
  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = TANH),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY)
  interface ExactTanh {}

  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = TANH),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY,
      math = MathMode.FAST, precision = Precision.FLOAT)
  interface FloatTanh {}

  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = SIGMOID),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY,
      math = MathMode.FAST, precision = Precision.FLOAT)
  interface FloatSigmoid {}

  @Network(inputs = 784, layers = {@Dense(name = "hidden", units = 128, activation = RELU),
      @Dense(name = "output", units = 10, activation = SOFTMAX)}, loss = CATEGORICAL_CROSS_ENTROPY,
      precision = Precision.FLOAT)
  interface FloatRelu {}
}
