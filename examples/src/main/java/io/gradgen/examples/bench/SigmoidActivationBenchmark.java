package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link ActivationBenchmark}: the sigmoid by {@code FastMath}. */
@State(Scope.Thread)
public class SigmoidActivationBenchmark extends ActivationBenchmark {
  @Override
  DifferentiableModel activationModel() {
    return new ActivationNets_SigmoidModel();
  }
}
