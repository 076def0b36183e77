package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.Loss;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Declarations.Layer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every declaration finishes compiling in bounded time and memory: sizes that overflow {@code int},
 * loops that never end or run a billion times, and functions too large to print are tagged
 * errors, reached in seconds; a wide loop network compiles quickly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedCompileTest {
  private static Compilation compile(JavaFileObject... files) {
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(files);
  }

  private static JavaFileObject network(String name, int inputs, int units, CodeShape code) {
    return Declarations.file("bounded", name, inputs,
        List.of(new Layer("h", units, Activation.RELU, Bias.PER_NEURON), new Layer("out", 10, Activation.SOFTMAX, Bias.PER_NEURON)),
        Loss.CATEGORICAL_CROSS_ENTROPY, code);
  }

  @Test
  void sizesThatOverflowIntAreSizeErrors() {
    for (CodeShape code : CodeShape.values()) {
      assertThat(compile(network("MaxInputs", Integer.MAX_VALUE, 4, code)))
          .hadErrorContaining("[gradgen.size] inputs = 2147483647 is more than gradgen's 1000000 inputs");
      assertThat(compile(network("MaxUnits", 4, Integer.MAX_VALUE, code)))
          .hadErrorContaining("[gradgen.size] layer 'h' has 2147483647 units, more than gradgen's 1000000");
    }
    // Each width allowed, the product not: 2.5e9 weights.
    Compilation c = compile(Declarations.file("bounded", "TooMany", 50_000,
        List.of(new Layer("h", 50_000, Activation.RELU, Bias.PER_NEURON), new Layer("out", 1, Activation.IDENTITY, Bias.PER_NEURON)),
        Loss.HALF_SUM_SQUARED_ERROR, CodeShape.LOOPS));
    assertThat(c).hadErrorContaining("[gradgen.size] this network has 2500100001 parameters, more than the 2147483639 a Java array holds");
  }

  @Test
  void aWideLoopNetworkCompilesQuicklyWithItsReport() {
    long start = System.nanoTime();
    Compilation c = compile(network("Wide", 784, 3000, CodeShape.LOOPS));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(c).succeeded();
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "bounded", "WideModel.md");
    assertTrue(seconds < 20, "784-3000-10 as loops took " + seconds + " s");
  }

  @Test
  void pastTheReportsWidthTheModelCompilesWithANoteAndNoReport() {
    Compilation c = compile(Declarations.file("bounded", "Broad", 150_000,
        List.of(new Layer("out", 1, Activation.SIGMOID, Bias.PER_NEURON)), Loss.BINARY_CROSS_ENTROPY, CodeShape.LOOPS));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("[gradgen.report] BroadModel is 150000 wide, more than the 100000");
    assertTrue(c.generatedFiles().stream().noneMatch(f -> f.getName().endsWith("BroadModel.md")));
  }

  private static JavaFileObject function(String name, String... body) {
    return JavaFileObjects.forSourceLines("fn." + name, "package fn;", "import io.gradgen.*;",
        "public final class " + name + " {", String.join("\n", body), "}");
  }

  private static void rejectsWithin(double seconds, String message, JavaFileObject file) {
    long start = System.nanoTime();
    Compilation c = compile(file);
    double took = (System.nanoTime() - start) / 1e9;
    assertThat(c).hadErrorContaining("[gradgen.function] " + message);
    assertTrue(took < seconds, message + ": " + took + " s");
  }

  @Test
  void loopsThatNeverEndOrWrapAroundAreErrorsNotHangs() {
    rejectsWithin(20, "this loop never ends: i starts at 0, which is < 10, and moves away from the bound (i -= 1)",
        function("Away", "  @Differentiable static double f(double w) {",
            "    double s = w;", "    for (int i = 0; i < 10; i--) { s = s; }", "    return s;", "  }"));
    rejectsWithin(20, "this loop never ends: after i = 2147483647 the next i overflows int and wraps around",
        function("Wraps", "  @Differentiable static double f(double w) {",
            "    double s = w;", "    for (int i = 0; i <= 2147483647; i++) { s = s; }", "    return s;", "  }"));
    rejectsWithin(20, "this loop never ends: after i = 2147483640 the next i overflows int",
        function("Steps", "  @Differentiable static double f(double w) {",
            "    double s = w;", "    for (int i = 0; i < 2147483647; i += 10) { s = s; }", "    return s;", "  }"));
    rejectsWithin(20, "this loop never ends: i starts at 5, which is > 0, and moves away from the bound (i += 1)",
        function("Down", "  @Differentiable static double f(double w) {",
            "    double s = w;", "    for (int i = 5; i > 0; i++) { s = s; }", "    return s;", "  }"));
  }

  @Test
  void hugeUnrolledLoopsFailInSeconds() {
    rejectsWithin(20, "this loop runs 1000000000 times, more than the 1000000 statements gradgen unrolls",
        function("Billion", "  @Differentiable static double f(double w) {",
            "    double s = w;", "    for (int i = 0; i < 1000000000; i++) { s = s; }", "    return s;", "  }"));
    rejectsWithin(20, "unrolled, f and its gradient would take about",
        function("Twenty", "  @Differentiable(wrt = \"w\") static double f(double w, double[] x) {",
            "    double sum = 0;", "    for (int i = 0; i < 20000; i++) { sum += w * x[i % 7] * i; }", "    return sum;", "  }"));
    rejectsWithin(20, "unrolled, this function has more than 200000 operations",
        function("Million", "  @Differentiable(wrt = \"w\") static double f(double w, double[] x) {",
            "    double sum = 0;", "    for (int i = 0; i < 1000000; i++) { sum += w * x[i % 7] * i; }", "    return sum;", "  }"));
  }

  @Test
  void anActivationTooLargeToPrintIsAnErrorInBothShapes() {
    for (String shape : List.of("LOOPS", "STRAIGHT_LINE")) {
      JavaFileObject file = JavaFileObjects.forSourceLines("fn.Deep" + shape, "package fn;", "import io.gradgen.*;",
          "@Network(inputs = 2, layers = {@Dense(name = \"h\", units = 3, activation = Activation.CUSTOM, function = \"act\"),",
          "    @Dense(name = \"o\", units = 1)}, loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + shape + ")",
          "public interface Deep" + shape + " {",
          "  @Differentiable static double act(double z) {",
          "    double s = z;",
          "    for (int i = 0; i < 3000; i++) { s = s * 0.5 + z; }",
          "    return s;",
          "  }",
          "}");
      Compilation c = compile(file);
      assertThat(c).failed();
      assertTrue(c.errors().stream().allMatch(e -> e.getMessage(null).startsWith("[gradgen.")), c.errors().toString());
      assertTrue(c.errors().stream().noneMatch(e -> e.getMessage(null).contains("[gradgen.internal]")), c.errors().toString());
    }
  }
}
