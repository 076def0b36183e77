package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.CoverageNetworks;
import io.gradgen.processor.testing.Goldens;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Float models ({@code precision = Precision.FLOAT}), straight-line and loops, compute what their
 * double twins compute, to float accuracy, stay finite at extreme logits, and train with the fused
 * step.
 */
class FloatModelTest {
  /** Float carries 24 bits: agreement to 1e−4 relative (1e−5 absolute near 0) after a few layers. */
  private static void assertNear(double expected, float actual, String what) {
    assertEquals(expected, actual, 1e-4 * Math.max(Math.abs(expected), 0.1), what);
  }

  /** Both shapes of float code against the double straight-line model. */
  @TestFactory
  Stream<DynamicTest> everyFloatModelAgreesWithItsDoubleTwin() {
    return CoverageNetworks.CASES.stream().flatMap(c -> Stream.of(
        DynamicTest.dynamicTest(c.name() + " straight-line", () -> agreesWithItsDoubleTwin(c,
            CoverageNetworks.compiledAsFloats().floatModel("floats." + c.name() + "Model"))),
        DynamicTest.dynamicTest(c.name() + " loops", () -> agreesWithItsDoubleTwin(c,
            CoverageNetworks.compiledAsFloatLoops().floatModel("floatloops." + c.name() + "Model")))));
  }

  private static void agreesWithItsDoubleTwin(CoverageNetworks.Case c, DifferentiableFloatModel model) {
    agreesWithItsDoubleTwin(c, model, CoverageNetworks.compiled().model(c.qualifiedModelName()));
  }

  /**
   * On the same random weights, inputs and targets, {@code model} gives {@code twin}'s outputs, loss
   * and gradient to float accuracy, and its fused step moves each weight by −η·gradient.
   */
  static void agreesWithItsDoubleTwin(CoverageNetworks.Case c, DifferentiableFloatModel model, DifferentiableModel twin) {
    Random r = new Random(c.name().hashCode());
    for (int i = 0; i < model.parameterCount(); i++) {
      float v = (float) (r.nextDouble() * 2 - 1);
      model.parameters().set(i, v);
      twin.parameters().set(i, v);
    }
    float[] x = new float[model.inputCount()];
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 4 - 2);
      xd[i] = x[i];
    }
    float[] t = new float[model.outputCount()];
    double[] td = new double[t.length];
    float sum = 0;
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextDouble();
      sum += t[i];
    }
    for (int i = 0; i < t.length; i++) {
      if (c.loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
        t[i] /= sum;
      }
      td[i] = t[i];
    }
    float[] y = new float[model.outputCount()];
    double[] yd = new double[y.length];
    model.predict(x, y);
    twin.predict(xd, yd);
    for (int j = 0; j < y.length; j++) {
      assertNear(yd[j], y[j], "output " + j);
    }
    float[] g = new float[model.parameterCount()];
    double[] gd = new double[g.length];
    assertNear(twin.gradient(xd, td, gd), model.gradient(x, t, g), "loss");
    for (int i = 0; i < g.length; i++) {
      assertNear(gd[i], g[i], "∂E/∂" + model.parameterName(i));
    }
    float[] before = model.parameters().toArray();
    float rate = 0.01f;
    model.trainStep(x, t, rate);
    for (int i = 0; i < g.length; i++) {
      assertEquals(before[i] - rate * g[i], model.parameters().get(i), 1e-6f * Math.max(1, Math.abs(before[i])),
          "fused step, " + model.parameterName(i));
    }
  }

  @Test
  void floatModelsStayFiniteAtExtremeLogits() {
    for (String code : List.of("STRAIGHT_LINE", "LOOPS")) {
      stayFiniteAtExtremeLogits(code);
    }
  }

  private static void stayFiniteAtExtremeLogits(String code) {
    String options = "precision = Precision.FLOAT, code = CodeShape." + code + ")";
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceLines("ext.Ext",
        "package ext;",
        "import io.gradgen.*;",
        "final class Ext {",
        "  @Network(inputs = 1, layers = @Dense(name = \"o\", units = 2, activation = Activation.SIGMOID),",
        "      loss = Loss.BINARY_CROSS_ENTROPY, " + options,
        "  interface Binary {}",
        "  @Network(inputs = 1, layers = @Dense(name = \"o\", units = 3, activation = Activation.SOFTMAX),",
        "      loss = Loss.CATEGORICAL_CROSS_ENTROPY, " + options,
        "  interface Classes {}",
        "  @Network(inputs = 1, layers = @Dense(name = \"o\", units = 2, activation = Activation.TANH),",
        "      loss = Loss.MEAN_SQUARED_ERROR, " + options,
        "  interface Squares {}",
        "}")));
    for (String name : List.of("ext.Ext_BinaryModel", "ext.Ext_ClassesModel", "ext.Ext_SquaresModel")) {
      DifferentiableFloatModel model = compiled.floatModel(name);
      for (float scale : new float[] {1e3f, -1e3f, 1e5f, -1e5f}) {
        float[] p = new float[model.parameterCount()];
        // Weights ±scale, biases 0: logits of ±scale for input 1.
        for (int i = 0; i < p.length; i++) {
          p[i] = model.layout().isBias(i) ? 0 : (i % 2 == 0 ? scale : -scale);
        }
        model.parameters().copyFrom(p);
        float[] x = {1};
        float[] t = new float[model.outputCount()];
        t[0] = 1;
        float[] y = new float[model.outputCount()];
        model.predict(x, y);
        float[] g = new float[p.length];
        float loss = model.gradient(x, t, g);
        String what = name + " (" + code + ")";
        assertTrue(Float.isFinite(loss), what + " loss at " + scale + ": " + loss);
        for (float v : y) {
          assertTrue(Float.isFinite(v), what + " output at " + scale);
        }
        for (float v : g) {
          assertTrue(Float.isFinite(v), what + " gradient at " + scale);
        }
      }
    }
  }

  @Test
  void goldenFloatSeedNetwork() {
    String source = Goldens.resource("declarations/SeedNet.java")
        .replace("loss = HALF_SUM_SQUARED_ERROR)", "loss = HALF_SUM_SQUARED_ERROR,\n    precision = io.gradgen.Precision.FLOAT)");
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceString("seed.SeedNet", source)));
    Goldens.assertMatches(getClass(), "SeedNetModel.java", compiled.source("seed/SeedNetModel.java"));
  }

  /**
   * README: straight-line float code holds its intermediates in double. w·x with w = x = 1 + 2⁻¹² is
   * 1 + 2⁻¹¹ + 2⁻²⁴ exactly; a float product drops the 2⁻²⁴, and z = w·x − (1 + 2⁻¹¹) would be 0.
   */
  @Test
  void straightLineFloatProductsOfTwoFloatsAreComputedInDouble() {
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceLines("widen.Product",
        "package widen;", "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1),",
        "    loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.STRAIGHT_LINE, precision = Precision.FLOAT)",
        "public interface Product {}")));
    DifferentiableFloatModel model = compiled.floatModel("widen.ProductModel");
    float w = 1 + 0x1p-12f;
    model.parameters().set(0, w);
    model.parameters().set(1, -(1 + 0x1p-11f));
    float[] out = new float[1];
    model.predict(new float[] {w}, out);
    assertEquals(0x1p-24f, out[0], "z = w·x + b in double, rounded once");
    float[] gradient = new float[2];
    model.gradient(new float[] {w}, new float[] {0}, gradient);
    assertEquals(0x1p-24f * w, gradient[0], "∂E/∂w = z·x, both exact in float");
    assertEquals(0x1p-24f, gradient[1], "∂E/∂b = z");
  }
}
