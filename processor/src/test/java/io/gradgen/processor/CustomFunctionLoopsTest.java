package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom {@code @Differentiable} activations and losses in loop models: a 784-128-10 network with a
 * swish hidden layer and a log-cosh loss is generated as loops by AUTO, every method stays under the
 * JIT limit, its gradient is exact, and it computes what its twin with the built-in SiLU (the same
 * function, z·σ(z)) computes. At small sizes, straight-line and loop forms agree to 1e-12.
 */
class CustomFunctionLoopsTest {
  private static String network(String pkg, String name, int inputs, int hidden, int outputs, String activation, String code) {
    return String.join("\n",
        "package " + pkg + ";",
        "import io.gradgen.*;",
        "@Network(inputs = " + inputs + ", layers = {",
        "    @Dense(name = \"h\", units = " + hidden + ", activation = Activation." + activation + "),",
        "    @Dense(name = \"out\", units = " + outputs + ")},",
        "  loss = Loss.CUSTOM, lossFunction = \"logCosh\", code = CodeShape." + code + ")",
        "public interface " + name + " {",
        "  @Differentiable static double swish(double z) { return z / (1 + Math.exp(-z)); }",
        "  @Differentiable static double logCosh(double output, double target) {",
        "    double d = Math.abs(output - target);",
        "    return d + Math.log1p(Math.exp(-2 * d)) - Math.log(2);",
        "  }",
        "}");
  }

  private static String custom(String pkg, String name, int inputs, int hidden, int outputs, String code) {
    return network(pkg, name, inputs, hidden, outputs, "CUSTOM, function = \"swish\"", code);
  }

  @Test
  void aLargeSwishNetworkIsGeneratedAsFastLoopsWithExactGradients(@TempDir Path dir) throws IOException {
    CompiledModels compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("big.Swish", custom("big", "Swish", 784, 128, 10, "AUTO")),
        JavaFileObjects.forSourceString("big.Silu", network("big", "Silu", 784, 128, 10, "SILU", "AUTO"))));
    assertTrue(compiled.source("big/SwishModel.java").contains("Parameters.byColumn(LAYOUT)"), "generated as loops");
    int largest = LargeNetworkTest.assertEveryMethodUnderTheJitLimit(compiled, "SwishModel", dir);
    System.out.println("largest generated method of the swish 784-128-10 network: " + largest + " bytes of bytecode");

    DifferentiableModel model = compiled.model("big.SwishModel");
    DifferentiableModel twin = compiled.model("big.SiluModel");
    Random random = new Random(11);
    double[] p = new double[model.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = (random.nextDouble() * 2 - 1) * 0.1;
    }
    model.parameters().copyFrom(p);
    twin.parameters().copyFrom(p);
    double[] x = new double[784];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble();
    }
    double[] t = new double[10];
    for (int i = 0; i < t.length; i++) {
      t[i] = random.nextDouble() * 2 - 1;
    }
    double[] grad = new double[p.length];
    double[] twinGrad = new double[p.length];
    double loss = model.gradient(x, t, grad);
    assertEquals(twin.gradient(x, t, twinGrad), loss, 1e-12, "the loss equals the SiLU twin's");
    for (int i = 0; i < p.length; i++) {
      assertEquals(twinGrad[i], grad[i], 1e-12 * Math.max(1, Math.abs(twinGrad[i])), model.parameterName(i));
    }
    for (int k = 0; k < 40; k++) {
      int i = random.nextInt(p.length);
      double saved = p[i];
      double estimate = FiniteDifferences.derivative(v -> {
        model.parameters().set(i, v);
        return model.loss(x, t);
      }, saved);
      model.parameters().set(i, saved);
      assertTrue(FiniteDifferences.relativeError(grad[i], estimate) < 1e-6,
          model.parameterName(i) + ": " + grad[i] + " vs " + estimate);
    }
  }

  @Test
  void straightLineAndLoopFormsOfACustomNetworkAgree() {
    CompiledModels compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("small.Line", custom("small", "Line", 3, 20, 2, "STRAIGHT_LINE")),
        JavaFileObjects.forSourceString("small.Loops", custom("small", "Loops", 3, 20, 2, "LOOPS"))));
    DifferentiableModel line = compiled.model("small.LineModel");
    DifferentiableModel loops = compiled.model("small.LoopsModel");
    Random random = new Random(12);
    double[] p = new double[line.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble() * 2 - 1;
    }
    line.parameters().copyFrom(p);
    loops.parameters().copyFrom(p);
    int rows = 70;
    double[] xs = new double[rows * 3];
    double[] ts = new double[rows * 2];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble() * 4 - 2;
    }
    for (int i = 0; i < ts.length; i++) {
      ts[i] = random.nextDouble() * 6 - 3;
    }
    double[] a = new double[p.length];
    double[] b = new double[p.length];
    double lossLine = line.gradient(xs, 0, ts, 0, rows, a);
    double lossLoops = loops.gradient(xs, 0, ts, 0, rows, b);
    assertEquals(lossLine, lossLoops, 1e-12 * Math.max(1, Math.abs(lossLine)), "batch loss");
    for (int i = 0; i < p.length; i++) {
      assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), "batch ∂E/∂" + line.parameterName(i));
    }
    double[] x = {0.3, -1.2, 2.0};
    double[] t = {2.5, -0.1};
    FiniteDifferences.assertGradientMatches(loops, x, t, "custom loops");
    double stepLine = line.trainStep(x, t, 0.05);
    double stepLoops = loops.trainStep(x, t, 0.05);
    assertEquals(stepLine, stepLoops, 1e-12, "fused step loss");
    for (int i = 0; i < p.length; i++) {
      assertEquals(line.parameters().get(i), loops.parameters().get(i), 1e-12, "after a step: " + line.parameterName(i));
    }
  }

  @Test
  void lossesThatBranchOnTheTargetOrEndInAFunctionOfTheDifferenceWorkAsLoops() {
    String functions = String.join("\n",
        "  @Differentiable static double charbonnier(double o, double t) { double d = o - t; return Math.sqrt(d * d + 1e-6); }",
        "  @Differentiable static double labelled(double o, double t) { return t > 0.5 ? -Math.log(o) : -Math.log(1 - o); }");
    List<javax.tools.JavaFileObject> sources = new java.util.ArrayList<>();
    for (String[] c : new String[][] {{"Charbonnier", "charbonnier", "IDENTITY"}, {"Labelled", "labelled", "SIGMOID"}}) {
      for (String code : List.of("LOOPS", "STRAIGHT_LINE")) {
        sources.add(JavaFileObjects.forSourceString("loss." + c[0] + code, String.join("\n",
            "package loss;",
            "import io.gradgen.*;",
            "@Network(inputs = 2, layers = {",
            "    @Dense(name = \"h\", units = 20, activation = Activation.TANH),",
            "    @Dense(name = \"out\", units = 1, activation = Activation." + c[2] + ")},",
            "  loss = Loss.CUSTOM, lossFunction = \"" + c[1] + "\", code = CodeShape." + code + ")",
            "public interface " + c[0] + code + " {",
            functions,
            "}")));
      }
    }
    CompiledModels compiled = CompiledModels.compile(sources);
    Random random = new Random(14);
    for (String name : List.of("Charbonnier", "Labelled")) {
      DifferentiableModel loops = compiled.model("loss." + name + "LOOPSModel");
      DifferentiableModel line = compiled.model("loss." + name + "STRAIGHT_LINEModel");
      double[] p = new double[loops.parameterCount()];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextDouble() - 0.5;
      }
      loops.parameters().copyFrom(p);
      line.parameters().copyFrom(p);
      double[] x = {0.3, -0.8};
      double[] t = {name.equals("Labelled") ? 1 : 0.7};
      FiniteDifferences.assertGradientMatches(loops, x, t, name + " loops");
      double[] a = new double[p.length];
      double[] b = new double[p.length];
      assertEquals(line.gradient(x, t, a), loops.gradient(x, t, b), 1e-12, name);
      for (int i = 0; i < p.length; i++) {
        assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), name + " " + loops.parameterName(i));
      }
    }
  }
}
