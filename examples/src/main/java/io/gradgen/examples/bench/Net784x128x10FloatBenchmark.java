package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 784-128-10 (relu/softmax), cross-entropy, in float: the benchmarks of {@link FloatNetBenchmark} for {@code FloatNets_Net784x128x10Model}. */
@State(Scope.Thread)
public class Net784x128x10FloatBenchmark extends SoftmaxFloatNetBenchmark {
  @Override
  DifferentiableFloatModel newModel() {
    return new FloatNets_Net784x128x10Model();
  }

  @Override
  DifferentiableModel doubleTwin() {
    return new Net784x128x10Model();
  }

  @Override
  HandWrittenSoftmaxNet.Hidden hidden() {
    return HandWrittenSoftmaxNet.Hidden.RELU;
  }
}
