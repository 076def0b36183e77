package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link ActivationBenchmark}: tanh by {@code Math.tanh} (EXACT), for comparison. */
@State(Scope.Thread)
public class ExactTanhActivationBenchmark extends ActivationBenchmark {
  @Override
  DifferentiableModel activationModel() {
    return new ActivationNets_ExactTanhModel();
  }
}
