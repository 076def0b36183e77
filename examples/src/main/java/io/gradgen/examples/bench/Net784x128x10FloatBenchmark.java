package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 784-128-10 (relu/softmax), cross-entropy, in float: the benchmarks of {@link FloatNetBenchmark} for {@code FloatNets_Net784x128x10Model}. */
@State(Scope.Thread)
public class Net784x128x10FloatBenchmark extends FloatNetBenchmark {
  @Override
  DifferentiableFloatModel newModel() {
    return new FloatNets_Net784x128x10Model();
  }

  @Override
  DifferentiableModel doubleTwin() {
    return new Net784x128x10Model();
  }

  @Override
  Initializer initializer() {
    return Initializer.he();
  }

  @Override
  HandWrittenFloatNet newBaseline(float[] parameters) {
    return new HandWrittenFloatSoftmaxNet(
        HandWrittenSoftmaxNet.Hidden.RELU, generated.inputCount(),
        generated.layout().layers().get(0).units(), generated.outputCount(), parameters);
  }

  @Override
  double[] target(int outputs) {
    return BenchData.oneHot(outputs, 2);
  }
}
