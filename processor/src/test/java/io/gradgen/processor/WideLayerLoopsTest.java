package io.gradgen.processor;

import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CoverageNetworks;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The loop form of layers wider than 16 units (vector loops over the units, four columns per
 * pass, four rows per pass in batches), which the small coverage networks never reach: every
 * gradient against finite differences, the batch forms and both training steps against the
 * single-sample methods (also over 150 rows), and the float loops against the double ones.
 */
class WideLayerLoopsTest {
  private static DifferentiableModel model(CoverageNetworks.Case c) {
    return CoverageNetworks.wideLoops().model("wide." + c.name() + "Model");
  }

  @TestFactory
  Stream<DynamicTest> gradientsMatchFiniteDifferences() {
    return CoverageNetworks.WIDE_CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      DifferentiableModel model = model(c);
      Random random = new Random(c.name().hashCode());
      double[] p = new double[model.parameterCount()];
      for (int i = 0; i < p.length; i++) {
        p[i] = (random.nextDouble() * 2 - 1) * 0.5;
      }
      model.parameters().copyFrom(p);
      double[] x = new double[model.inputCount()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble() * 4 - 2;
      }
      double[] t = new double[model.outputCount()];
      for (int i = 0; i < t.length; i++) {
        t[i] = 1.0 / t.length; // a distribution: valid for every loss here
      }
      FiniteDifferences.assertGradientMatches(model, x, t, c.name());
    }));
  }

  @TestFactory
  Stream<DynamicTest> stepsAndBatchesAgreeWithSingleSamples() {
    return CoverageNetworks.WIDE_CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      BatchAndStepTest.check(c, () -> model(c));
      BatchAndStepTest.checkLongBatch(c, model(c));
    }));
  }

  @TestFactory
  Stream<DynamicTest> floatLoopsAgreeWithDoubleLoops() {
    return CoverageNetworks.WIDE_CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(),
        () -> FloatModelTest.agreesWithItsDoubleTwin(c,
            CoverageNetworks.wideFloatLoops().floatModel("widefloat." + c.name() + "Model"), model(c))));
  }
}
