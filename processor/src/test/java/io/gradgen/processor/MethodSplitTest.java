package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No generated method passes HotSpot's 8,000-byte JIT limit, whatever the form: a straight-line
 * network with a 50 KB gradient and a {@code @Differentiable} loop of 1,500 iterations are split
 * into parts under it (read with javap), and compute exactly what their unsplit forms would.
 */
class MethodSplitTest {
  private static String network(String name, String code) {
    return String.join("\n",
        "package split;",
        "import io.gradgen.*;",
        "@Network(inputs = 10, layers = {",
        "    @Dense(name = \"hidden\", units = 100, activation = Activation.TANH),",
        "    @Dense(name = \"out\", units = 5, activation = Activation.SOFTMAX)},",
        "  loss = Loss.CATEGORICAL_CROSS_ENTROPY, code = CodeShape." + code + ")",
        "public interface " + name + " {}");
  }

  @Test
  void aStraightLineNetworkPastTheJitLimitIsSplitAndComputesWhatItsLoopTwinComputes(@TempDir Path dir)
      throws IOException {
    CompiledModels compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("split.Line", network("Line", "STRAIGHT_LINE")),
        JavaFileObjects.forSourceString("split.Loops", network("Loops", "LOOPS"))));
    assertTrue(compiled.source("split/LineModel.java").contains("gradientPart1("), "the gradient is split");
    int largest = LargeNetworkTest.assertEveryMethodUnderTheJitLimit(compiled, "LineModel", dir);
    System.out.println("largest method of the split 10-100-5 straight-line network: " + largest + " bytes of bytecode");
    DifferentiableModel line = compiled.model("split.LineModel");
    DifferentiableModel loops = compiled.model("split.LoopsModel");
    Random random = new Random(3);
    double[] p = new double[line.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble() - 0.5;
    }
    line.parameters().copyFrom(p);
    loops.parameters().copyFrom(p);
    double[] x = new double[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() * 2 - 1;
    }
    double[] t = {0, 0, 1, 0, 0};
    double[] g1 = new double[p.length];
    double[] g2 = new double[p.length];
    assertEquals(loops.gradient(x, t, g2), line.gradient(x, t, g1), 1e-12);
    for (int i = 0; i < p.length; i++) {
      assertEquals(g2[i], g1[i], 1e-12 * Math.max(1, Math.abs(g2[i])), line.parameterName(i));
    }
    double[] xs = new double[10 * 3];
    double[] ts = new double[5 * 3];
    System.arraycopy(x, 0, xs, 10, 10);
    System.arraycopy(t, 0, ts, 5, 5);
    double[] b = new double[p.length];
    line.gradient(xs, 0, ts, 0, 3, b);
    double[] row = new double[p.length];
    double[] zero = new double[10];
    line.gradient(zero, new double[5], row); // rows 0 and 2 are all zeros
    for (int i = 0; i < p.length; i++) {
      assertEquals(g1[i] + 2 * row[i], b[i], 1e-12 * Math.max(1, Math.abs(b[i])), "batch " + line.parameterName(i));
    }
    assertEquals(loops.trainStep(x, t, 0.1), line.trainStep(x, t, 0.1), 1e-12, "fused step");
  }

  private static String deep(String name, int layers) {
    StringBuilder sb = new StringBuilder("package split;\nimport io.gradgen.*;\n@Network(inputs = 2, layers = {\n");
    for (int i = 0; i < layers; i++) {
      sb.append("  @Dense(name = \"l").append(i).append("\", units = 2, activation = Activation.TANH)")
          .append(i + 1 < layers ? ",\n" : "},\n");
    }
    return sb.append("  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.LOOPS)\npublic interface ")
        .append(name).append(" {}\n").toString();
  }

  @Test
  void aLoopNetworkOfTheMostLayersAllowedKeepsEveryMethodUnderTheJitLimit(@TempDir Path dir) throws IOException {
    CompiledModels compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("split.Deep", deep("Deep", 128))));
    int largest = LargeNetworkTest.assertEveryMethodUnderTheJitLimit(compiled, "DeepModel", dir);
    System.out.println("largest method of a 128-layer loop network: " + largest + " bytes of bytecode");
    DifferentiableModel model = compiled.model("split.DeepModel");
    Random random = new Random(5);
    double[] p = new double[model.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble() - 0.5;
    }
    model.parameters().copyFrom(p);
    FiniteDifferences.assertGradientMatches(model, new double[] {0.3, -0.4}, new double[] {0.1, 0.2}, "128 layers");
  }

  @Test
  void moreLayersThanThatAreATaggedError() {
    com.google.testing.compile.Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new GradgenProcessor())
        .compile(JavaFileObjects.forSourceString("split.TooDeep", deep("TooDeep", 129)));
    com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining(
        "[gradgen.layers] a network may have at most 128 layers, but this one has 129; use fewer, wider layers");
  }

  @Test
  void aLongDifferentiableLoopIsSplitAndItsGradientIsExact(@TempDir Path dir) throws Exception {
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceString("split.Long", String.join("\n",
        "package split;",
        "import io.gradgen.*;",
        "public final class Long {",
        "  @Differentiable(wrt = \"w\")",
        "  static double sse(double w, double[] v, double[] y) {", // v: the name a spill array once had
        "    double sum = 0;",
        "    for (int i = 0; i < 1500; i++) {",
        "      double e = Math.tanh(w * v[i]) - y[i];",
        "      sum += e * e;",
        "    }",
        "    return sum;",
        "  }",
        "}"))));
    int largest = LargeNetworkTest.assertEveryMethodUnderTheJitLimit(compiled, "LongGradients", dir);
    System.out.println("largest method of the split 1,500-iteration function: " + largest + " bytes of bytecode");
    Method gradient = compiled.type("split.LongGradients").getDeclaredMethod(
        "sseGradient", double.class, double[].class, double[].class, double[].class);
    Random random = new Random(4);
    double[] x = new double[1500];
    double[] y = new double[1500];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() * 2 - 1;
      y[i] = random.nextDouble() * 2 - 1;
    }
    double w = 0.7;
    double[] grad = new double[1];
    double value = (double) gradient.invoke(null, w, x, y, grad);
    // Independently: Σ (tanh(w·x) − y)² and its derivative Σ 2(tanh(w·x) − y)(1 − tanh²(w·x))·x.
    double sum = 0;
    double slope = 0;
    for (int i = 0; i < x.length; i++) {
      double a = Math.tanh(w * x[i]);
      sum += (a - y[i]) * (a - y[i]);
      slope += 2 * (a - y[i]) * (1 - a * a) * x[i];
    }
    assertEquals(sum, value, 1e-9 * sum);
    assertEquals(slope, grad[0], 1e-9 * Math.abs(slope));
    double estimate = FiniteDifferences.derivative(v -> {
      try {
        return (double) gradient.invoke(null, v, x, y, new double[1]);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }, w);
    assertTrue(FiniteDifferences.relativeError(grad[0], estimate) < 1e-6, grad[0] + " vs " + estimate);
  }
}
