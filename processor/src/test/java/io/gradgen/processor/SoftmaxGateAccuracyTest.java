package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.Goldens;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The softmax gate p·(up − Σ up·p) keeps its digits where one p is nearly 1: Σ up·p rounds to that
 * p's up, and up − Σ up·p cancelled to 0 (PyTorch 1.13 gives 0 too). A second pass takes the
 * rounding error back out. Two classes, z = (d, −d), half squared error with the target on the
 * other class: E = (1 − s)², s = p₁ = σ(−2d), and ∂E/∂z₀ = 2s(1 − s)² = −∂E/∂z₁ exactly.
 */
class SoftmaxGateAccuracyTest {
  private static final CompiledModels COMPILED = CompiledModels.compile(Stream.of("STRAIGHT_LINE", "LOOPS")
      .map(shape -> JavaFileObjects.forSourceLines("gate.Net" + shape, "package gate;", "import io.gradgen.*;",
          "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 2, activation = Activation.SOFTMAX, bias = Bias.NONE),",
          "  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + shape + ")",
          "public interface Net" + shape + " {}"))
      .collect(Collectors.toList()));

  @TestFactory
  Stream<DynamicTest> theGradientOfASaturatedSoftmaxIsExactToAFewUlps() {
    return Stream.of("STRAIGHT_LINE", "LOOPS").flatMap(shape -> Stream.of(1.0, 10.0, 20.0, 50.0).map(d ->
        DynamicTest.dynamicTest(shape + " d = " + d, () -> {
          DifferentiableModel model = COMPILED.model("gate.Net" + shape + "Model");
          model.parameters().copyFrom(new double[] {d, -d}); // z = w·x with x = 1
          double s = Math.exp(-2 * d) / (1 + Math.exp(-2 * d));
          double exact = 2 * s * (1 - s) * (1 - s);
          double[] grad = new double[2];
          model.gradient(new double[] {1}, new double[] {0, 1}, grad);
          // Was 0 at d = 20 and 50, and 1.1e−8 off at d = 10.
          assertEquals(exact, grad[0], 4 * Math.ulp(exact), "∂E/∂z₀");
          assertEquals(-exact, grad[1], 4 * Math.ulp(exact), "∂E/∂z₁");
          double[] batch = new double[2];
          model.gradient(new double[] {1, 1}, 0, new double[] {0, 1, 0, 1}, 0, 2, batch);
          assertEquals(2 * exact, batch[0], 8 * Math.ulp(exact), "batch ∂E/∂z₀");
        })));
  }

  /** The generated gate in both shapes: the two sums, then p·((up − dot) − residual). */
  @Test
  void theGeneratedGateMatchesItsGoldens() {
    for (String shape : new String[] {"STRAIGHT_LINE", "LOOPS"}) {
      Goldens.assertMatches(getClass(), "Net" + shape + "Model.java", COMPILED.source("gate/Net" + shape + "Model.java"));
    }
  }
}
