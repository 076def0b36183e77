package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 8-8-8: straight-line ({@code AUTO}'s choice) against loops. */
@State(Scope.Thread)
public class Square8ShapeBenchmark extends ShapeBenchmark {
  @Override
  DifferentiableModel chosenShape() {
    return new ShapeNets_Square8Model();
  }

  @Override
  DifferentiableModel otherShape() {
    return new ShapeNets_Square8LoopsModel();
  }
}
