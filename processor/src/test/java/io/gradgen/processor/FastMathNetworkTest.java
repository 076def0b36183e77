package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.CodeShape;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.Precision;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.CoverageNetworks;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Goldens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code @Network(math = MathMode.FAST)}: the generated code calls {@code io.gradgen.FastMath} for
 * its tanh and sigmoid (golden files, straight-line and loops), {@code math = MathMode.EXACT} is the
 * default byte for byte, and every coverage network generated FAST agrees with its EXACT twin,
 * in both shapes and both precisions, within what FastMath's few ulps per activation allow.
 */
class FastMathNetworkTest {
  private static final String SMALL = String.join("\n",
      "package fast;",
      "import io.gradgen.*;",
      "/** tanh, then a sigmoid output with ½·SSE. */",
      "@Network(inputs = 2,",
      "    layers = {",
      "      @Dense(name = \"hidden\", units = 3, activation = Activation.TANH),",
      "      @Dense(name = \"out\", units = 2, activation = Activation.SIGMOID)",
      "    },",
      "    loss = Loss.HALF_SUM_SQUARED_ERROR, OPTIONS)",
      "public interface Small {}",
      "");

  private static String small(String options) {
    return SMALL.replace(", OPTIONS)", options.isEmpty() ? ")" : ", " + options + ")");
  }

  private static String compileSmall(String options) {
    return CompiledModels.compile(List.of(JavaFileObjects.forSourceString("fast.Small", small(options))))
        .source("fast/SmallModel.java");
  }

  @Test
  void fastStraightLineCallsFastMath() {
    String source = compileSmall("math = MathMode.FAST");
    Goldens.assertMatches(getClass(), "SmallModel.java", source);
    assertTrue(source.contains("io.gradgen.FastMath.tanh(") && source.contains("io.gradgen.FastMath.sigmoid("));
    assertFalse(java.util.regex.Pattern.compile("(?<!Fast)Math\\.(tanh|exp)\\(").matcher(source).find(), "still calls Math");
  }

  @Test
  void fastLoopsCallFastMath() {
    Goldens.assertMatches(getClass(), "SmallModelLoops.java", compileSmall("math = MathMode.FAST, code = CodeShape.LOOPS"));
  }

  @Test
  void fastFloatLoopsCallTheFloatOverloads() {
    String source = compileSmall("math = MathMode.FAST, code = CodeShape.LOOPS, precision = Precision.FLOAT");
    Goldens.assertMatches(getClass(), "SmallModelFloatLoops.java", source);
    assertFalse(source.contains("(float) io.gradgen.FastMath"), "a float loop narrows a FastMath result");
  }

  @Test
  void exactIsTheDefaultByteForByte() {
    assertEquals(compileSmall(""), compileSmall("math = MathMode.EXACT"));
    assertEquals(compileSmall("code = CodeShape.LOOPS"), compileSmall("math = MathMode.EXACT, code = CodeShape.LOOPS"));
    assertFalse(compileSmall("").contains("FastMath"));
  }

  /** Every coverage network, generated FAST and EXACT, in one shape and precision. */
  private static CompiledModels compileBoth(String pkg, CodeShape code, Precision precision) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (CoverageNetworks.Case c : CoverageNetworks.CASES) {
      for (String mode : List.of("FAST", "EXACT")) {
        String name = c.name() + mode;
        String source = Declarations.source(pkg, name, c.inputs(), c.layers(), c.loss(), code, precision)
            .replace(")\npublic interface", ",\n    math = MathMode." + mode + ")\npublic interface");
        sources.add(JavaFileObjects.forSourceString(pkg + "." + name, source));
      }
    }
    return CompiledModels.compile(sources);
  }

  @TestFactory
  Stream<DynamicTest> fastDoubleModelsAgreeWithExactOnes() {
    return Stream.of(CodeShape.STRAIGHT_LINE, CodeShape.LOOPS).flatMap(code -> {
      String pkg = "fast" + code.name().toLowerCase().replace("_", "");
      CompiledModels compiled = compileBoth(pkg, code, Precision.DOUBLE);
      return CoverageNetworks.CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " " + code, () ->
          agree(c, compiled.model(pkg + "." + c.name() + "FASTModel"), compiled.model(pkg + "." + c.name() + "EXACTModel"))));
    });
  }

  @TestFactory
  Stream<DynamicTest> fastFloatModelsAgreeWithExactOnes() {
    return Stream.of(CodeShape.STRAIGHT_LINE, CodeShape.LOOPS).flatMap(code -> {
      String pkg = "fastfloat" + code.name().toLowerCase().replace("_", "");
      CompiledModels compiled = compileBoth(pkg, code, Precision.FLOAT);
      return CoverageNetworks.CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " " + code, () ->
          agree(c, compiled.floatModel(pkg + "." + c.name() + "FASTModel"),
              compiled.floatModel(pkg + "." + c.name() + "EXACTModel"))));
    });
  }

  /**
   * Double: a few ulps per activation, through at most three layers of random weights in [−1, 1],
   * stay within 1e−13 of the value (1e−13 absolute near 0).
   */
  private static void near(double exact, double fast, String what) {
    assertEquals(exact, fast, 1e-13 * Math.max(Math.abs(exact), 1), what);
  }

  /** Float: one float ulp per activation, then float arithmetic: 1e−5 of the value. */
  private static void near(float exact, float fast, String what) {
    assertEquals(exact, fast, 1e-5f * Math.max(Math.abs(exact), 1), what);
  }

  private static double[] inputs(Random r, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    return v;
  }

  private static double[] targets(Random r, CoverageNetworks.Case c, int n) {
    double[] t = inputs(r, n, 1);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = Math.abs(t[i]);
      sum += t[i];
    }
    for (int i = 0; c.loss() == Loss.CATEGORICAL_CROSS_ENTROPY && i < n; i++) {
      t[i] /= sum;
    }
    return t;
  }

  /** Outputs, loss and every gradient component, on the same random weights and samples. */
  private static void agree(CoverageNetworks.Case c, DifferentiableModel fast, DifferentiableModel exact) {
    Random r = new Random(c.name().hashCode());
    double[] weights = inputs(r, fast.parameterCount(), 1);
    fast.parameters().copyFrom(weights);
    exact.parameters().copyFrom(weights);
    for (int sample = 0; sample < 4; sample++) {
      double[] x = inputs(r, fast.inputCount(), 3);
      double[] t = targets(r, c, fast.outputCount());
      double[] yf = new double[fast.outputCount()];
      double[] ye = new double[yf.length];
      fast.predict(x, yf);
      exact.predict(x, ye);
      for (int j = 0; j < yf.length; j++) {
        near(ye[j], yf[j], "output " + j);
      }
      double[] gf = new double[fast.parameterCount()];
      double[] ge = new double[gf.length];
      near(exact.gradient(x, t, ge), fast.gradient(x, t, gf), "loss");
      for (int i = 0; i < gf.length; i++) {
        near(ge[i], gf[i], "∂E/∂" + fast.parameterName(i));
      }
    }
  }

  private static void agree(CoverageNetworks.Case c, DifferentiableFloatModel fast, DifferentiableFloatModel exact) {
    Random r = new Random(c.name().hashCode());
    float[] weights = toFloats(inputs(r, fast.parameterCount(), 1));
    fast.parameters().copyFrom(weights);
    exact.parameters().copyFrom(weights);
    for (int sample = 0; sample < 4; sample++) {
      float[] x = toFloats(inputs(r, fast.inputCount(), 3));
      float[] t = toFloats(targets(r, c, fast.outputCount()));
      float[] yf = new float[fast.outputCount()];
      float[] ye = new float[yf.length];
      fast.predict(x, yf);
      exact.predict(x, ye);
      for (int j = 0; j < yf.length; j++) {
        near(ye[j], yf[j], "output " + j);
      }
      float[] gf = new float[fast.parameterCount()];
      float[] ge = new float[gf.length];
      near(exact.gradient(x, t, ge), fast.gradient(x, t, gf), "loss");
      for (int i = 0; i < gf.length; i++) {
        near(ge[i], gf[i], "∂E/∂" + fast.parameterName(i));
      }
    }
    assertTrue(fast.parameterCount() > 0);
  }

  private static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
