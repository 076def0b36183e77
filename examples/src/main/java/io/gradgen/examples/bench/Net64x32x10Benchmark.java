package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 64-32-10 (relu/softmax), cross-entropy: the benchmarks of {@link SoftmaxNetBenchmark} for {@code Net64x32x10Model}. */
@State(Scope.Thread)
public class Net64x32x10Benchmark extends SoftmaxNetBenchmark {
  @Override
  DifferentiableModel newModel() {
    return new Net64x32x10Model();
  }

  @Override
  Initializer initializer() {
    return Initializer.he();
  }

  @Override
  HandWrittenSoftmaxNet.Hidden hidden() {
    return HandWrittenSoftmaxNet.Hidden.RELU;
  }
}
