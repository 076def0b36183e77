package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.DifferentiableModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The shape benchmarks compare what they say: {@code AUTO} made 8-8-8 straight-line and 12-12-12
 * loops (loop models keep per-thread scratch in a nested {@code Scratch} class), and each pair
 * computes the same outputs and training step.
 */
class ShapeNetsTest {
  private static boolean isLoops(DifferentiableModel model) {
    return Arrays.stream(model.getClass().getDeclaredClasses()).anyMatch(c -> c.getSimpleName().equals("Scratch"));
  }

  private static void assertSameNetwork(ShapeBenchmark benchmark) {
    benchmark.setUp();
    double[] y1 = new double[benchmark.y.length];
    double[] y2 = new double[benchmark.y.length];
    benchmark.chosen.predict(benchmark.x, y1);
    benchmark.other.predict(benchmark.x, y2);
    for (int j = 0; j < y1.length; j++) {
      assertEquals(y1[j], y2[j], 1e-12, "output " + j);
    }
    assertEquals(benchmark.chosen.trainStep(benchmark.x, benchmark.t, 0.1),
        benchmark.other.trainStep(benchmark.x, benchmark.t, 0.1), 1e-12, "loss of the step");
    double[] p1 = benchmark.chosen.parameters().toArray();
    double[] p2 = benchmark.other.parameters().toArray();
    for (int i = 0; i < p1.length; i++) {
      assertEquals(p1[i], p2[i], 1e-12, benchmark.chosen.parameterName(i) + " after the step");
    }
  }

  @Test
  void autoMakesTheSmallNetworkStraightLineAndTheOtherOneLoops() {
    assertEquals(false, isLoops(new ShapeNets_Square8Model()));
    assertEquals(true, isLoops(new ShapeNets_Square8LoopsModel()));
    assertEquals(true, isLoops(new ShapeNets_Square12Model()));
    assertEquals(false, isLoops(new ShapeNets_Square12StraightModel()));
  }

  @Test
  void bothShapesOfEachSizeComputeTheSame() {
    assertSameNetwork(new Square8ShapeBenchmark());
    assertSameNetwork(new Square12ShapeBenchmark());
  }
}
