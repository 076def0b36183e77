package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.processor.testing.CoverageNetworks;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated gradient equals central finite differences of the generated loss, to a relative
 * error below 1e−6, on networks covering every valid output activation × loss × bias combination,
 * with every hidden activation, one to three layers and widths one to four.
 */
class GeneratedGradientCheckTest {
  @TestFactory
  Stream<DynamicTest> everyGradientMatchesFiniteDifferences() {
    assertEquals(105, CoverageNetworks.CASES.size(), "35 valid output activation × loss pairs × 3 bias kinds");
    return CoverageNetworks.CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  /** The same networks generated as loops: the per-layer formulas must agree with the gate rules. */
  @TestFactory
  Stream<DynamicTest> everyLoopGradientMatchesFiniteDifferencesAndTheStraightLineCode() {
    return CoverageNetworks.CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          DifferentiableModel loops = CoverageNetworks.compiledAsLoops().model("loops." + c.name() + "Model");
          check(c, loops);
          DifferentiableModel straight = CoverageNetworks.compiled().model(c.qualifiedModelName());
          straight.parameters().copyFrom(loops.parameters().toArray());
          Random random = new Random(c.name().hashCode() + 1);
          double[] x = new double[loops.inputCount()];
          for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 4 - 2;
          }
          double[] t = targets(c.loss(), loops.outputCount(), random);
          double[] g1 = new double[loops.parameterCount()];
          double[] g2 = new double[loops.parameterCount()];
          assertEquals(straight.gradient(x, t, g2), loops.gradient(x, t, g1), 1e-12 * Math.max(1, Math.abs(straight.loss(x, t))));
          for (int i = 0; i < g1.length; i++) {
            assertEquals(g2[i], g1[i], 1e-12 * Math.max(1, Math.abs(g2[i])), "∂E/∂" + loops.parameterName(i));
          }
        }));
  }

  private static void check(CoverageNetworks.Case c) {
    check(c, CoverageNetworks.compiled().model(c.qualifiedModelName()));
  }

  private static void check(CoverageNetworks.Case c, DifferentiableModel model) {
    Random random = new Random(c.name().hashCode());
    for (int trial = 0; trial < 3; trial++) {
      double[] p = new double[model.parameterCount()];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextDouble() * 2 - 1;
      }
      model.parameters().copyFrom(p);
      double[] x = new double[model.inputCount()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble() * 4 - 2;
      }
      double[] t = targets(c.loss(), model.outputCount(), random);

      double[] grad = new double[p.length];
      assertEquals(model.loss(x, t), model.gradient(x, t, grad), 0.0, "gradient() returns the same E as loss()");
      FiniteDifferences.assertGradientMatches(model, x, t, c.name());
    }
  }

  /** Targets the loss is defined for: a distribution for softmax, [0, 1] for sigmoid. */
  private static double[] targets(Loss loss, int n, Random random) {
    double[] t = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CATEGORICAL_CROSS_ENTROPY
          ? random.nextDouble()
          : random.nextDouble() * 4 - 2;
      sum += t[i];
    }
    if (loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
      for (int i = 0; i < n; i++) {
        t[i] /= sum;
      }
    }
    return t;
  }
}
