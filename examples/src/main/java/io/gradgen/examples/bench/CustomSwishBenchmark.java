package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * 784-128-10 with a custom swish activation and a custom loss ("generated") against the same
 * network with built-in tanh ("baseline"), same parameters and inputs: a speed-up of at least
 * 1/1.3 = 0.77 means the custom network trains within 1.3× of the built-in one's time.
 */
@State(Scope.Thread)
public class CustomSwishBenchmark extends ShapeBenchmark {
  @Override
  DifferentiableModel chosenShape() {
    return new SwishNets_SwishModel();
  }

  @Override
  DifferentiableModel otherShape() {
    return new SwishNets_TanhModel();
  }
}
