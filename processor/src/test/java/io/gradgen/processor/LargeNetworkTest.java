package io.gradgen.processor;

import io.gradgen.processor.report.DerivationReport;
import io.gradgen.processor.report.GraphPicture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.Precision;
import io.gradgen.processor.model.CodeShapes;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.TypeShape;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Declarations.Layer;
import io.gradgen.processor.testing.FiniteDifferences;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks of any size: 784-256-128-10 is generated as loops (CodeShape.AUTO), quickly, every
 * generated method stays under HotSpot's 8,000-byte JIT limit, and its gradient is exact; in float
 * too, where it agrees with the double model to float accuracy.
 */
class LargeNetworkTest {
  private static final List<Layer> MNIST_LIKE = List.of(
      new Layer("hidden1", 256, Activation.RELU, Bias.PER_NEURON),
      new Layer("hidden2", 128, Activation.TANH, Bias.PER_NEURON),
      new Layer("classes", 10, Activation.SOFTMAX, Bias.PER_NEURON));

  private static NetworkSpec spec(CodeShape code) {
    List<LayerSpec> layers = MNIST_LIKE.stream()
        .map(l -> new LayerSpec(l.name(), l.units(), l.activation(), l.bias())).toList();
    return new NetworkSpec("big", List.of("Mnist"), TypeShape.plainInterface(), 784, layers,
        Loss.CATEGORICAL_CROSS_ENTROPY).withCode(code);
  }

  @Test
  void autoChoosesLoopsPastTheJitLimitAndStraightLineBelowIt() {
    assertEquals(CodeShape.LOOPS, CodeShapes.resolve(spec(CodeShape.AUTO)));
    assertEquals(CodeShape.LOOPS, CodeShapes.resolve(spec(CodeShape.AUTO).withPrecision(Precision.FLOAT)));
    NetworkSpec seed = new NetworkSpec("s", List.of("Seed"), TypeShape.plainInterface(), 2,
        List.of(new LayerSpec("hidden", 2, Activation.SIGMOID, Bias.SHARED),
            new LayerSpec("output", 2, Activation.SIGMOID, Bias.SHARED)),
        Loss.HALF_SUM_SQUARED_ERROR);
    assertEquals(CodeShape.STRAIGHT_LINE, CodeShapes.resolve(seed));
    assertEquals(CodeShape.STRAIGHT_LINE, CodeShapes.resolve(seed.withPrecision(Precision.FLOAT)));
  }

  @Test
  void generating784x256x128x10TakesUnderThreeSeconds() {
    Pipeline.generate(spec(CodeShape.AUTO)); // warm the processor's classes up, as a build's first round would
    long start = System.nanoTime();
    String source = Pipeline.generate(spec(CodeShape.AUTO)).toString();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("gradgen generated 784-256-128-10 (%d characters of source) in %.3f s%n", source.length(), seconds);
    assertTrue(seconds < 3.0, "took " + seconds + " s");
  }

  @Test
  void generating784x256x128x10WithItsReportAndPictureTakesUnderOneSecond() {
    NetworkSpec spec = spec(CodeShape.AUTO);
    Pipeline.generate(spec); // warm up, as a build's first round would
    GraphPicture.dot(spec);
    DerivationReport.markdown(spec);
    long start = System.nanoTime();
    Pipeline.generate(spec);
    String picture = GraphPicture.dot(spec);
    DerivationReport.markdown(spec);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("gradgen generated 784-256-128-10 with its report and picture in %.3f s%n", seconds);
    assertTrue(picture.contains("hidden1.W (256×784)"), "the picture is drawn from the tensor graph");
    assertTrue(seconds < 1.0, "took " + seconds + " s");
  }

  @Test
  void everyGeneratedMethodStaysUnderTheJitLimitAndTheGradientIsExact(@TempDir Path dir) throws IOException {
    JavaFileObject declaration = Declarations.file("big", "Mnist", 784, MNIST_LIKE, Loss.CATEGORICAL_CROSS_ENTROPY);
    CompiledModels compiled = CompiledModels.compile(List.of(declaration));
    int largest = assertEveryMethodUnderTheJitLimit(compiled, "MnistModel", dir);
    System.out.println("largest generated method of 784-256-128-10: " + largest + " bytes of bytecode");

    DifferentiableModel model = compiled.model("big.MnistModel");
    Random random = new Random(5);
    double[] p = new double[model.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = (random.nextDouble() * 2 - 1) * 0.1;
    }
    model.parameters().copyFrom(p);
    double[] x = new double[784];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble();
    }
    double[] t = new double[10];
    t[3] = 1;
    double[] grad = new double[p.length];
    model.gradient(x, t, grad);
    // A sample of parameters from every layer: weights and biases.
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

  /**
   * The float network, generated as loops by AUTO: every method under the JIT limit, and its
   * gradient agrees with the double model's to float accuracy.
   */
  @Test
  void theFloatNetworkStaysUnderTheJitLimitAndAgreesWithItsDoubleTwin(@TempDir Path dir) throws IOException {
    CompiledModels compiled = CompiledModels.compile(List.of(
        Declarations.file("big", "FloatMnist", 784, MNIST_LIKE, Loss.CATEGORICAL_CROSS_ENTROPY, Precision.FLOAT),
        Declarations.file("big", "Mnist", 784, MNIST_LIKE, Loss.CATEGORICAL_CROSS_ENTROPY)));
    assertTrue(compiled.source("big/FloatMnistModel.java").contains("FloatParameters.byColumn(LAYOUT)"),
        "the float network is generated as loops");
    int largest = assertEveryMethodUnderTheJitLimit(compiled, "FloatMnistModel", dir);
    System.out.println("largest generated method of 784-256-128-10 in float: " + largest + " bytes of bytecode");

    DifferentiableFloatModel model = compiled.floatModel("big.FloatMnistModel");
    DifferentiableModel twin = compiled.model("big.MnistModel");
    Random random = new Random(6);
    for (int i = 0; i < model.parameterCount(); i++) {
      float v = (float) ((random.nextDouble() * 2 - 1) * 0.1);
      model.parameters().set(i, v);
      twin.parameters().set(i, v);
    }
    float[] x = new float[784];
    double[] xd = new double[784];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
      xd[i] = x[i];
    }
    float[] t = new float[10];
    double[] td = new double[10];
    t[3] = 1;
    td[3] = 1;
    float[] g = new float[model.parameterCount()];
    double[] gd = new double[g.length];
    double loss = twin.gradient(xd, td, gd);
    assertEquals(loss, model.gradient(x, t, g), 1e-4 * Math.max(1, Math.abs(loss)), "loss");
    // Sums of 784 float products: compare each partial derivative with the gradient's largest.
    double largestPartial = 0;
    for (double v : gd) {
      largestPartial = Math.max(largestPartial, Math.abs(v));
    }
    for (int i = 0; i < g.length; i++) {
      assertEquals(gd[i], g[i], 1e-4 * largestPartial, "∂E/∂" + model.parameterName(i));
    }
  }

  /** Asserts that every method of the generated class {@code simpleName} and its nested classes is under 8,000 bytes; returns the largest. */
  static int assertEveryMethodUnderTheJitLimit(CompiledModels compiled, String simpleName, Path dir)
      throws IOException {
    List<String> classes = new ArrayList<>();
    for (JavaFileObject file : compiled.compilation().generatedFiles()) {
      String fileName = Path.of(file.getName()).getFileName().toString();
      if (file.getKind() == JavaFileObject.Kind.CLASS
          && (fileName.equals(simpleName + ".class") || fileName.startsWith(simpleName + "$"))) {
        Path out = dir.resolve(fileName);
        try (InputStream in = file.openInputStream()) {
          Files.write(out, in.readAllBytes());
        }
        classes.add(out.toString());
      }
    }
    assertTrue(!classes.isEmpty(), "no class file for " + simpleName);
    int largest = 0;
    for (String classFile : classes) {
      for (var method : codeLengths(classFile)) {
        assertTrue(method.bytes() < 8_000, classFile + " " + method.name() + " has " + method.bytes() + " bytes");
        largest = Math.max(largest, method.bytes());
      }
    }
    return largest;
  }

  private record MethodSize(String name, int bytes) {}

  /** Each method's code length, read from {@code javap -c}: the offset of its last instruction plus one. */
  private static List<MethodSize> codeLengths(String classFile) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
    assertEquals(0, javap.run(out, out, "-c", "-p", classFile));
    List<MethodSize> sizes = new ArrayList<>();
    String name = null;
    int last = -1;
    Pattern instruction = Pattern.compile("^\\s+(\\d+): (\\w+)");
    for (String line : text.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ") && line.contains("(")) {
        if (name != null && last >= 0) {
          sizes.add(new MethodSize(name, last + 1));
        }
        name = line.trim();
        last = -1;
      }
      Matcher m = instruction.matcher(line);
      if (m.find()) {
        last = Integer.parseInt(m.group(1));
      }
    }
    if (name != null && last >= 0) {
      sizes.add(new MethodSize(name, last + 1));
    }
    return sizes;
  }
}
