package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The float benchmarks compare like with like: on the benchmark's own weights and sample, the
 * generated float model and the hand-written float baseline give the same outputs, loss and
 * gradient, and three training steps leave the same weights, to float precision (1e-4 of max(1,
 * |value|): both round every operation to 24 bits, in slightly different orders).
 */
class FloatBaselineEquivalenceTest {
  private static final double TOLERANCE = 1e-4;

  private static void assertClose(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= TOLERANCE * Math.max(1.0, Math.abs(expected)),
        what + ": baseline " + expected + ", generated " + actual);
  }

  private static void check(FloatNetBenchmark b) {
    b.setUp();
    String name = b.getClass().getSimpleName();
    float[] yGenerated = new float[b.y.length];
    float[] yBaseline = new float[b.y.length];
    b.generated.predict(b.x, yGenerated);
    b.baseline.predict(b.x, yBaseline);
    for (int j = 0; j < yBaseline.length; j++) {
      assertClose(yBaseline[j], yGenerated[j], name + " output " + j);
    }
    float[] gGenerated = new float[b.generatedGrad.length];
    float[] gBaseline = new float[b.baselineGrad.length];
    assertClose(b.baseline.gradient(b.x, b.t, gBaseline), b.generated.gradient(b.x, b.t, gGenerated), name + " loss");
    for (int i = 0; i < gBaseline.length; i++) {
      assertClose(gBaseline[i], gGenerated[i], name + " ∂E/∂" + b.generated.parameterName(i));
    }
    for (int step = 0; step < 3; step++) {
      java.util.Arrays.fill(gBaseline, 0f);
      assertClose(b.baseline.gradient(b.x, b.t, gBaseline), b.generated.trainStep(b.x, b.t, FloatNetBenchmark.LEARNING_RATE),
          name + " loss of step " + step);
      BenchData.sgdUpdate(b.baseline.parameters(), gBaseline, FloatNetBenchmark.LEARNING_RATE);
    }
    float[] after = b.generated.parameters().toArray();
    for (int i = 0; i < after.length; i++) {
      assertClose(b.baseline.parameters()[i], after[i], name + " " + b.generated.parameterName(i) + " after 3 steps");
    }
  }

  @Test
  void everyFloatBaselineMatchesItsGeneratedModel() {
    for (FloatNetBenchmark b : List.of(new SeedFloatBenchmark(), new Net4x8x3FloatBenchmark(),
        new Net64x32x10FloatBenchmark(), new Net784x128x10FloatBenchmark())) {
      check(b);
    }
  }
}
