package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 4-8-3 (tanh/softmax), cross-entropy, in float: the benchmarks of {@link FloatNetBenchmark} for {@code FloatNets_Net4x8x3Model}. */
@State(Scope.Thread)
public class Net4x8x3FloatBenchmark extends SoftmaxFloatNetBenchmark {
  @Override
  DifferentiableFloatModel newModel() {
    return new FloatNets_Net4x8x3Model();
  }

  @Override
  DifferentiableModel doubleTwin() {
    return new Net4x8x3Model();
  }

  @Override
  HandWrittenSoftmaxNet.Hidden hidden() {
    return HandWrittenSoftmaxNet.Hidden.TANH;
  }
}
