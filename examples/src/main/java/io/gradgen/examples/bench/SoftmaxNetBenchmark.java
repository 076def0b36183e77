package io.gradgen.examples.bench;

/**
 * {@link NetBenchmark} for a softmax classifier (one hidden layer, cross-entropy, one-hot
 * target) against {@link HandWrittenSoftmaxNet}.
 */
public abstract class SoftmaxNetBenchmark extends NetBenchmark {
  /** The hidden layer's activation, for the baseline. */
  abstract HandWrittenSoftmaxNet.Hidden hidden();

  @Override
  HandWrittenNet newBaseline(double[] parameters) {
    int hiddenUnits = generated.layout().layers().get(0).units();
    return new HandWrittenSoftmaxNet(
        hidden(), generated.inputCount(), hiddenUnits, generated.outputCount(), parameters);
  }

  @Override
  double[] target(int outputs) {
    return BenchData.oneHot(outputs, 2);
  }
}
