package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 4-8-3 (tanh/softmax), cross-entropy: the benchmarks of {@link SoftmaxNetBenchmark} for {@code Net4x8x3Model}. */
@State(Scope.Thread)
public class Net4x8x3Benchmark extends SoftmaxNetBenchmark {
  @Override
  DifferentiableModel newModel() {
    return new Net4x8x3Model();
  }

  @Override
  Initializer initializer() {
    return Initializer.xavier();
  }

  @Override
  HandWrittenSoftmaxNet.Hidden hidden() {
    return HandWrittenSoftmaxNet.Hidden.TANH;
  }
}
