package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 12-12-12: loops ({@code AUTO}'s choice) against straight-line code past the JIT limit. */
@State(Scope.Thread)
public class Square12ShapeBenchmark extends ShapeBenchmark {
  @Override
  DifferentiableModel chosenShape() {
    return new ShapeNets_Square12Model();
  }

  @Override
  DifferentiableModel otherShape() {
    return new ShapeNets_Square12StraightModel();
  }
}
