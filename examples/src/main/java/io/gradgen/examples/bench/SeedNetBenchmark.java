package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import io.gradgen.examples.SeedNetModel;
import io.gradgen.train.Initializer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * 2-2-2 (sigmoid/sigmoid, shared biases, ½·SSE): the benchmarks of {@link NetBenchmark} for the
 * generated {@code SeedNetModel} against {@link HandWrittenSigmoidNet}.
 */
@State(Scope.Thread)
public class SeedNetBenchmark extends NetBenchmark {
  @Override
  DifferentiableModel newModel() {
    return new SeedNetModel();
  }

  @Override
  Initializer initializer() {
    return Initializer.xavier();
  }

  @Override
  HandWrittenNet newBaseline(double[] parameters) {
    return new HandWrittenSigmoidNet(2, 2, 2, parameters);
  }

  @Override
  double[] target(int outputs) {
    return new double[] {0.85, 0.30};
  }
}
