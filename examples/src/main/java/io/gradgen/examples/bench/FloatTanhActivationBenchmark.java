package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link FloatActivationBenchmark}: tanh by {@code FastMath}. */
@State(Scope.Thread)
public class FloatTanhActivationBenchmark extends FloatActivationBenchmark {
  @Override
  DifferentiableFloatModel activationModel() {
    return new ActivationNets_FloatTanhModel();
  }
}
