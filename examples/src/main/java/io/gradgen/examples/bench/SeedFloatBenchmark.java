package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 2-2-2 (sigmoid/sigmoid, shared biases, ½·SSE), in float: the benchmarks of {@link FloatNetBenchmark} for {@code FloatNets_SeedModel}. */
@State(Scope.Thread)
public class SeedFloatBenchmark extends FloatNetBenchmark {
  @Override
  DifferentiableFloatModel newModel() {
    return new FloatNets_SeedModel();
  }

  @Override
  DifferentiableModel doubleTwin() {
    return new io.gradgen.examples.SeedNetModel();
  }

  @Override
  Initializer initializer() {
    return Initializer.xavier();
  }

  @Override
  HandWrittenFloatNet newBaseline(float[] parameters) {
    return new HandWrittenFloatSigmoidNet(2, 2, 2, parameters);
  }

  @Override
  double[] target(int outputs) {
    return new double[] {0.85, 0.30};
  }
}
