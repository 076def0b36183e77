package io.gradgen.examples.bench;

import io.gradgen.train.Initializer;

/**
 * {@link FloatNetBenchmark} for a float softmax classifier (one hidden layer, cross-entropy,
 * one-hot target; He weights under ReLU, Xavier under tanh, as the double benchmarks) against
 * {@link HandWrittenFloatSoftmaxNet}.
 */
public abstract class SoftmaxFloatNetBenchmark extends FloatNetBenchmark {
  /** The hidden layer's activation, for the baseline. */
  abstract HandWrittenSoftmaxNet.Hidden hidden();

  @Override
  Initializer initializer() {
    return hidden() == HandWrittenSoftmaxNet.Hidden.RELU ? Initializer.he() : Initializer.xavier();
  }

  @Override
  HandWrittenFloatNet newBaseline(float[] parameters) {
    return new HandWrittenFloatSoftmaxNet(
        hidden(), generated.inputCount(), generated.layout().layers().get(0).units(),
        generated.outputCount(), parameters);
  }

  @Override
  double[] target(int outputs) {
    return BenchData.oneHot(outputs, 2);
  }
}
