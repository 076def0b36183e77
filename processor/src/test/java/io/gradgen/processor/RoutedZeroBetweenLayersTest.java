package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A zero that a select routes is kept from arithmetic across layers too: a relu that is off sends
 * its layer below an exact 0, and the custom activation there, √|z| at z = 0, has an infinite
 * derivative. up·f′ = 0·∞ was NaN in every weight below; the guard {@code up == 0 ? 0 : …} now
 * sits in the element function's derivative, whose {@code up} comes from outside its body.
 */
class RoutedZeroBetweenLayersTest {
  private static final CompiledModels COMPILED = CompiledModels.compile(Stream.of("STRAIGHT_LINE", "LOOPS")
      .map(shape -> JavaFileObjects.forSourceLines("routed.Net" + shape, "package routed;", "import io.gradgen.*;",
          "@Network(inputs = 1, layers = {",
          "    @Dense(name = \"h\", units = 1, activation = Activation.CUSTOM, function = \"sqrtAbs\", bias = Bias.NONE),",
          "    @Dense(name = \"r\", units = 1, activation = Activation.RELU, bias = Bias.NONE),",
          "    @Dense(name = \"out\", units = 1)},",
          "  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + shape + ")",
          "public interface Net" + shape + " {",
          "  @Differentiable static double sqrtAbs(double z) { return Math.sqrt(Math.abs(z)); }",
          "}"))
      .collect(java.util.stream.Collectors.toList()));

  /** w = 0 puts h at z = 0 (√|z|′ = ∞); r's z = v·0 = 0, where relu′ = 0 routes a 0 down. */
  private static final double[] PARAMETERS = {0, 1, 0.5, 0.2};
  private static final double[] X = {1};
  private static final double[] T = {0.7};
  /** o = b = 0.2, so ∂E/∂b = o − t = −0.5; every other path passes through the off relu: 0. */
  private static final double[] EXPECTED = {0, 0, 0, -0.5};

  @TestFactory
  Stream<DynamicTest> theLayerBelowAnOffReluGetsAZeroGradientNotNaN() {
    return Stream.of("STRAIGHT_LINE", "LOOPS").map(shape -> DynamicTest.dynamicTest(shape, () -> {
      DifferentiableModel model = COMPILED.model("routed.Net" + shape + "Model");
      model.parameters().copyFrom(PARAMETERS);
      double[] grad = new double[4];
      model.gradient(X, T, grad);
      assertArrayEquals(EXPECTED, grad, 1e-15, "single sample");

      double[] batch = new double[4];
      model.gradient(new double[] {1, 1}, 0, new double[] {0.7, 0.7}, 0, 2, batch);
      assertArrayEquals(new double[] {0, 0, 0, -1}, batch, 1e-15, "batch of two");

      model.trainStep(X, T, 0.1);
      assertArrayEquals(new double[] {0, 1, 0.5, 0.25}, model.parameters().toArray(), 1e-15, "fused step");
      model.parameters().copyFrom(PARAMETERS);
      model.trainStep(new double[] {1, 1}, 0, new double[] {0.7, 0.7}, 0, 2, 0.1);
      assertArrayEquals(new double[] {0, 1, 0.5, 0.25}, model.parameters().toArray(), 1e-15, "batch step");
    }));
  }
}
