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
 * A squared error with the target on a saturated softmax class keeps its digits: o − t computed
 * from the rounded o = 1 is 0 from a logit gap of about 37 on, so the loss and its gradient were
 * half their exact values (PyTorch 1.13 gives the same halves). 1 − o is read from the other
 * outputs instead. The expected values come from cancellation-free closed forms: with e_k =
 * e^{z_k − max z}, S = Σ e, p = e/S, rest = Σ_{k≠0} p_k and the target on class 0, d = (−rest,
 * p₁, p₂, …), E = ½ Σ d², and ∂E/∂z₀ = −p₀·Σ d² (every term of one sign).
 */
class SoftmaxSquaredErrorAccuracyTest {
  private static final String[] SHAPES = {"STRAIGHT_LINE", "LOOPS"};
  private static final CompiledModels COMPILED = CompiledModels.compile(Stream.concat(Stream.of(SHAPES)
      .map(shape -> declaration("Net" + shape, shape, "DOUBLE")), Stream.of(declaration("FloatNet", "LOOPS", "FLOAT")))
      .collect(Collectors.toList()));
  private static final String[] LOSSES = {"HALF_SUM_SQUARED_ERROR", "SUM_SQUARED_ERROR", "MEAN_SQUARED_ERROR"};
  private static final int[] CLASSES = {2, 10};
  private static final CompiledModels EVERY_LOSS = CompiledModels.compile(Stream.of(SHAPES)
      .flatMap(shape -> Stream.of(LOSSES).flatMap(loss -> java.util.stream.IntStream.of(CLASSES).mapToObj(n ->
          JavaFileObjects.forSourceLines("sse." + name(shape, loss, n), "package sse;", "import io.gradgen.*;",
              "@Network(inputs = 1, layers = @Dense(name = \"out\", units = " + n
                  + ", activation = Activation.SOFTMAX, bias = Bias.NONE),",
              "  loss = Loss." + loss + ", code = CodeShape." + shape + ")",
              "public interface " + name(shape, loss, n) + " {}"))))
      .collect(Collectors.toList()));

  private static String name(String shape, String loss, int classes) {
    return "N" + shape.charAt(0) + loss.charAt(0) + classes;
  }

  private static javax.tools.JavaFileObject declaration(String name, String shape, String precision) {
    return JavaFileObjects.forSourceLines("sse." + name, "package sse;", "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 3, activation = Activation.SOFTMAX, bias = Bias.NONE),",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + shape + ", precision = Precision." + precision + ")",
        "public interface " + name + " {}");
  }

  @TestFactory
  Stream<DynamicTest> theLossAndGradientOnASaturatedClassAreExactToAFewUlps() {
    double[][] logits = {{1, 0, -1}, {10, -10, -12}, {20, -20, 0}, {40, 0, -5}, {50, -50, -49}, {100, -100, -90}};
    return Stream.of(SHAPES).flatMap(shape -> Stream.of(logits).map(z ->
        DynamicTest.dynamicTest(shape + " z = " + java.util.Arrays.toString(z), () -> {
          DifferentiableModel model = COMPILED.model("sse.Net" + shape + "Model");
          model.parameters().copyFrom(z); // z = w·x with x = 1
          double[] e = {1, Math.exp(z[1] - z[0]), Math.exp(z[2] - z[0])};
          double sum = e[0] + e[1] + e[2];
          double[] d = {-(e[1] + e[2]) / sum, e[1] / sum, e[2] / sum};
          double squares = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
          double loss = 0.5 * squares;
          double grad0 = -(e[0] / sum) * squares;
          double[] t = {1, 0, 0};
          assertEquals(loss, model.loss(new double[] {1}, t), 4 * Math.ulp(loss), "E");
          double[] grad = new double[3];
          assertEquals(loss, model.gradient(new double[] {1}, t, grad), 4 * Math.ulp(loss), "E from gradient");
          // Was half of it from z = (40, 0, −5) on.
          assertEquals(grad0, grad[0], 8 * Math.ulp(grad0), "∂E/∂z₀");
          double[] batch = new double[3];
          double batchLoss = model.gradient(new double[] {1, 1}, 0, new double[] {1, 0, 0, 1, 0, 0}, 0, 2, batch);
          assertEquals(2 * loss, batchLoss, 8 * Math.ulp(loss), "batch E");
          assertEquals(2 * grad0, batch[0], 16 * Math.ulp(grad0), "batch ∂E/∂z₀");
        })));
  }

  /**
   * Every gradient element, every squared-error loss (scale c = ½, 1, 1/n), 2 and 10 classes:
   * with the target on class 0, p₀ saturated, rest = Σ_{k≠0} p_k and s = Σ_{k≠0} p_k²,
   * ∂E/∂z₀ = −2c·p₀·(rest² + s) and ∂E/∂z_j = 2c·p_j·(p_j + rest·p₀ − s), both free of cancellation.
   */
  @TestFactory
  Stream<DynamicTest> everyGradientElementOfEverySquaredErrorIsExact() {
    return Stream.of(SHAPES).flatMap(shape -> Stream.of(LOSSES).flatMap(loss ->
        java.util.stream.IntStream.of(CLASSES).mapToObj(n -> DynamicTest.dynamicTest(name(shape, loss, n), () -> {
          DifferentiableModel model = EVERY_LOSS.model("sse." + name(shape, loss, n) + "Model");
          double[] z = new double[n];
          double[] e = new double[n];
          z[0] = 45;
          e[0] = 1;
          double sum = 1;
          for (int k = 1; k < n; k++) {
            z[k] = -k;
            e[k] = Math.exp(z[k] - z[0]);
            sum += e[k];
          }
          model.parameters().copyFrom(z);
          double c = loss.startsWith("HALF") ? 0.5 : loss.startsWith("MEAN") ? 1.0 / n : 1.0;
          double rest = 0;
          double squares = 0;
          for (int k = 1; k < n; k++) {
            rest += e[k] / sum;
            squares += (e[k] / sum) * (e[k] / sum);
          }
          double p0 = 1 / sum;
          double[] t = new double[n];
          t[0] = 1;
          double[] grad = new double[n];
          double loss0 = model.gradient(new double[] {1}, t, grad);
          double expectedLoss = c * (rest * rest + squares);
          assertEquals(expectedLoss, loss0, 8 * Math.ulp(expectedLoss), "E");
          double g0 = -2 * c * p0 * (rest * rest + squares);
          assertEquals(g0, grad[0], 16 * Math.ulp(g0), "∂E/∂z₀");
          for (int j = 1; j < n; j++) {
            double pj = e[j] / sum;
            double gj = 2 * c * pj * (pj + rest * p0 - squares);
            assertEquals(gj, grad[j], 16 * Math.ulp(gj), "∂E/∂z" + j);
          }
        }))));
  }

  /** The float loop form the same way, to float's ulps (p rounds to 1 in float from a gap of about 17 on). */
  @TestFactory
  Stream<DynamicTest> theFloatFormIsExactToAFewFloatUlps() {
    float[][] logits = {{1, 0, -1}, {10, -10, -12}, {20, -20, 0}, {30, 0, -5}};
    return Stream.of(logits).map(z -> DynamicTest.dynamicTest("z = " + java.util.Arrays.toString(z), () -> {
      io.gradgen.DifferentiableFloatModel model = COMPILED.floatModel("sse.FloatNetModel");
      model.parameters().copyFrom(z);
      double[] e = {1, Math.exp(z[1] - z[0]), Math.exp(z[2] - z[0])};
      double sum = e[0] + e[1] + e[2];
      double[] d = {-(e[1] + e[2]) / sum, e[1] / sum, e[2] / sum};
      double squares = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
      float loss = (float) (0.5 * squares);
      float grad0 = (float) (-(e[0] / sum) * squares);
      float[] t = {1, 0, 0};
      assertEquals(loss, model.loss(new float[] {1}, t), 8 * Math.ulp(loss), "E");
      float[] grad = new float[3];
      model.gradient(new float[] {1}, t, grad);
      assertEquals(grad0, grad[0], 16 * Math.ulp(grad0), "∂E/∂z₀");
    }));
  }

  /** Where the target is elsewhere, the gradient stays that of the plain (o − t)², against central differences. */
  @Test
  void theGradientIsTheSquaredErrorsOwnEverywhere() {
    for (String shape : SHAPES) {
      DifferentiableModel model = COMPILED.model("sse.Net" + shape + "Model");
      double[] w = {0.3, 1.1, -0.4};
      double[] t = {0.2, 0.5, 0.3};
      model.parameters().copyFrom(w);
      double[] grad = new double[3];
      model.gradient(new double[] {1}, t, grad);
      for (int k = 0; k < 3; k++) {
        double h = 1e-5;
        double[] up = w.clone();
        double[] down = w.clone();
        up[k] += h;
        down[k] -= h;
        double numeric = (plainLoss(up, t) - plainLoss(down, t)) / (2 * h);
        assertEquals(numeric, grad[k], 1e-9, shape + " ∂E/∂z" + k);
      }
    }
  }

  /** ½ Σ (softmax(z) − t)², written out independently of the generated code. */
  private static double plainLoss(double[] z, double[] t) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double s = 0;
    for (double v : z) {
      s += Math.exp(v - max);
    }
    double e = 0;
    for (int k = 0; k < 3; k++) {
      double err = Math.exp(z[k] - max) / s - t[k];
      e += 0.5 * err * err;
    }
    return e;
  }

  /** The generated loss in both shapes: rest from the other outputs, its gradient, then the softmax gate. */
  @Test
  void theGeneratedLossMatchesItsGoldens() {
    for (String shape : SHAPES) {
      Goldens.assertMatches(getClass(), "Net" + shape + "Model.java", COMPILED.source("sse/Net" + shape + "Model.java"));
    }
  }
}
