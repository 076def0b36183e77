package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 4-8-3 (tanh/softmax), cross-entropy, in float: the benchmarks of {@link FloatNetBenchmark} for {@code FloatNets_Net4x8x3Model}. */
@State(Scope.Thread)
public class Net4x8x3FloatBenchmark extends FloatNetBenchmark {
  @Override
  DifferentiableFloatModel newModel() {
    return new FloatNets_Net4x8x3Model();
  }

  @Override
  DifferentiableModel doubleTwin() {
    return new Net4x8x3Model();
  }

  @Override
  Initializer initializer() {
    return Initializer.xavier();
  }

  @Override
  HandWrittenFloatNet newBaseline(float[] parameters) {
    return new HandWrittenFloatSoftmaxNet(
        HandWrittenSoftmaxNet.Hidden.TANH, generated.inputCount(),
        generated.layout().layers().get(0).units(), generated.outputCount(), parameters);
  }

  @Override
  double[] target(int outputs) {
    return BenchData.oneHot(outputs, 2);
  }
}
