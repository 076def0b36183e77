package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.testing.Goldens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The derivation report ({@code <Name>Model.md}) and the graph picture ({@code <Name>Model.dot})
 * land in the class output beside the generated class, match their goldens, and can be turned off.
 */
class ReportTest {
  private static JavaFileObject seed() {
    return JavaFileObjects.forSourceString("seed.SeedNet", Goldens.resource("declarations/SeedNet.java"));
  }

  private static Optional<String> resource(Compilation c, String path) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, path).map(f -> {
      try {
        return f.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void seedNetworkReport() {
    Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(seed());
    assertThat(c).succeeded();
    String report = resource(c, "seed/SeedNetModel.md").orElseThrow();
    Goldens.assertMatches(getClass(), "SeedNetModel.md", report);
    // The chain of the worked example: δ_o = (o − t)·o(1 − o), ∂E/∂w5 = δ_o1·out_h1, fan-out into the hidden layer.
    assertTrue(report.contains("\\delta^{\\text{output}}_{0} = \\underbrace{(a^{\\text{output}}_{0} - t_{0})}_{\\text{loss}}"
        + " \\cdot \\underbrace{a^{\\text{output}}_{0}(1 - a^{\\text{output}}_{0})}_{\\text{sigmoid gate}}"));
    assertTrue(report.contains("= \\delta^{\\text{output}}_{0} \\cdot \\underbrace{a^{\\text{hidden}}_{0}}_{\\text{multiply gate switches}} \\quad (p_{5})"));
    assertTrue(report.contains("fan-out sums 2 paths; multiply gates switch"));
  }

  @Test
  void seedNetworkPicture() {
    Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(seed());
    Goldens.assertMatches(getClass(), "SeedNetModel.dot", resource(c, "seed/SeedNetModel.dot").orElseThrow());
  }

  @Test
  void aLargeLayerShowsOneNeuronInFullAndTheRestInIndexForm() {
    JavaFileObject wide = JavaFileObjects.forSourceLines("wide.Wide",
        "package wide;",
        "import io.gradgen.*;",
        "@Network(inputs = 8, layers = {",
        "    @Dense(name = \"hidden\", units = 5, activation = Activation.TANH),",
        "    @Dense(name = \"out\", units = 2, activation = Activation.SIGMOID)},",
        "  loss = Loss.BINARY_CROSS_ENTROPY)",
        "public interface Wide {}");
    Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(wide);
    String report = resource(c, "wide/WideModel.md").orElseThrow();
    // 'hidden' has 40 weights: neuron 0 written out, then the index form for all five.
    assertTrue(report.contains("$$z^{\\text{hidden}}_{0} = w^{\\text{hidden}}_{0,0} x_{0} + "), report);
    assertFalse(report.contains("z^{\\text{hidden}}_{1} ="), "only the first neuron in full");
    assertTrue(report.contains("z^{\\text{hidden}}_{j} = \\sum_{k=0}^{7} w^{\\text{hidden}}_{j,k} x_{k}"
        + " + b^{\\text{hidden}}_{j} \\quad (j = 0, \\dots, 4)"), report);
    assertTrue(report.contains("| 0…44 | `hidden.w[j][k]` at 0 + 8·j + k, `hidden.b[j]` at 40 + j |"), report);
    // 'out' has 10 weights: written out neuron by neuron.
    assertTrue(report.contains("z^{\\text{out}}_{1} = w^{\\text{out}}_{1,0} a^{\\text{hidden}}_{0}"), report);
  }

  @Test
  void aCustomActivationAndLossShowTheDerivativesTheGateRulesDerived() {
    JavaFileObject custom = JavaFileObjects.forSourceLines("custom.Robust",
        "package custom;",
        "import io.gradgen.*;",
        "@Network(inputs = 2, layers = {",
        "    @Dense(name = \"hidden\", units = 3, activation = Activation.CUSTOM, function = \"swish\"),",
        "    @Dense(name = \"out\", units = 1)},",
        "  loss = Loss.CUSTOM, lossFunction = \"square\")",
        "public interface Robust {",
        "  @Differentiable static double swish(double z) { return z / (1 + Math.exp(-z)); }",
        "  @Differentiable static double square(double o, double t) { return (o - t) * (o - t); }",
        "}");
    Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(custom);
    String report = resource(c, "custom/RobustModel.md").orElseThrow();
    // swish = z·σ(z) (the rewrite of z/(1 + e^−z)); its derivative by the multiply and sigmoid gates.
    assertTrue(report.contains("\\mathrm{swish}(z) = z \\cdot \\sigma\\left(z\\right)"), report);
    assertTrue(report.contains("\\mathrm{swish}'(z) = z \\cdot \\sigma\\left(z\\right) \\cdot"
        + " \\left(1 - \\sigma\\left(z\\right)\\right) + \\sigma\\left(z\\right)"), report);
    // (o − t)²: the square gate gives 2(o − t).
    assertTrue(report.contains("L'(o, t) = \\frac{\\partial L}{\\partial o} = 2 \\cdot \\left(o - t\\right)"), report);
    assertFalse(report.contains("see the generated code"), report);
  }

  @Test
  void theReportOptionTurnsBothOff() {
    Compilation c = Compiler.javac()
        .withProcessors(new GradgenProcessor())
        .withOptions("-Agradgen.report=false")
        .compile(seed());
    assertThat(c).succeeded();
    assertFalse(resource(c, "seed/SeedNetModel.md").isPresent());
    assertFalse(resource(c, "seed/SeedNetModel.dot").isPresent());
    assertThat(c).generatedSourceFile("seed.SeedNetModel");
  }
}
