package io.gradgen.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.GradgenProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * The three declarations every build tool must handle alike: a network of built-in functions, a
 * network of custom (differentiated) functions, and a plain {@code @Differentiable} method; and
 * what javac, unwrapped, generates for them, to compare other set-ups with.
 */
public final class BuildToolDeclarations {
  /** A built-in network: only annotations are read, so every compiler can process it. */
  public static final JavaFileObject BUILT_IN = JavaFileObjects.forSourceLines("tools.SeedNet",
      "package tools;",
      "import io.gradgen.*;",
      "@Network(inputs = 2, layers = {",
      "    @Dense(name = \"hidden\", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED),",
      "    @Dense(name = \"output\", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED)},",
      "  loss = Loss.HALF_SUM_SQUARED_ERROR)",
      "public interface SeedNet {}");

  /** README's custom-function network: its activation and loss are read from their bodies. */
  public static final JavaFileObject CUSTOM = JavaFileObjects.forSourceLines("tools.RobustNet",
      "package tools;",
      "import io.gradgen.*;",
      "@Network(inputs = 2, layers = {",
      "    @Dense(name = \"hidden\", units = 4, activation = Activation.CUSTOM, function = \"swish\"),",
      "    @Dense(name = \"out\", units = 1)},",
      "  loss = Loss.CUSTOM, lossFunction = \"huber\")",
      "public interface RobustNet {",
      "  @Differentiable static double swish(double z) { return z / (1 + Math.exp(-z)); }",
      "  @Differentiable static double huber(double output, double target) {",
      "    double d = output - target;",
      "    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;",
      "  }",
      "}");

  /** README's plain {@code @Differentiable} method. */
  public static final JavaFileObject PLAIN = JavaFileObjects.forSourceLines("tools.Line",
      "package tools;",
      "import io.gradgen.*;",
      "public final class Line {",
      "  @Differentiable(wrt = \"w\")",
      "  static double sse(double w, double[] x, double[] y) {",
      "    double sum = 0;",
      "    for (int i = 0; i < 5; i++) {",
      "      double e = w * x[i] - y[i];",
      "      sum += e * e;",
      "    }",
      "    return sum;",
      "  }",
      "}");

  /** All three declarations. */
  public static final List<JavaFileObject> ALL = List.of(BUILT_IN, CUSTOM, PLAIN);

  /** What each declaration makes: the model or gradients source, and the two report resources. */
  public static final List<String> BUILT_IN_OUTPUT =
      List.of("tools/SeedNetModel.java", "tools/SeedNetModel.md", "tools/SeedNetModel.dot");

  private static Map<String, String> reference;

  private BuildToolDeclarations() {}

  /**
   * Compiles {@link #ALL} with javac and {@code processor}.
   *
   * @param processor the processor, possibly wrapped as a build tool wraps it
   * @return the compilation
   */
  public static Compilation compile(Processor processor) {
    return compile(processor, ALL.toArray(new JavaFileObject[0]));
  }

  /**
   * Compiles {@code sources} with javac and {@code processor}, with every lint warning an error.
   *
   * @param processor the processor, possibly wrapped as a build tool wraps it
   * @param sources some of the declarations
   * @return the compilation
   */
  public static Compilation compile(Processor processor, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(processor).withOptions("-Xlint:all", "-Werror").compile(sources);
  }

  /**
   * Part of {@link #reference()}.
   *
   * @param names file names
   * @return those files of the reference, by name
   */
  public static Map<String, String> reference(List<String> names) {
    Map<String, String> part = new TreeMap<>(reference());
    part.keySet().retainAll(names);
    return part;
  }

  /**
   * What gradgen generates under plain javac, unwrapped: every generated source and resource.
   *
   * @return file name to content
   */
  public static synchronized Map<String, String> reference() {
    if (reference == null) {
      Compilation c = compile(new GradgenProcessor());
      assertWithMessage("javac errors: %s", c.errors()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      reference = generated(c);
      assertWithMessage("javac's output").that(reference.keySet()).containsAtLeast(
          "tools/SeedNetModel.java", "tools/RobustNetModel.java", "tools/LineGradients.java",
          "tools/SeedNetModel.md", "tools/RobustNetModel.dot");
    }
    return reference;
  }

  /**
   * Every source and resource the compilation generated (no class files), by path under its
   * output location.
   *
   * @param c a compilation
   * @return file name to content, sorted by name
   */
  public static Map<String, String> generated(Compilation c) {
    Map<String, String> files = new TreeMap<>();
    for (JavaFileObject file : c.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf("/tools/") + 1);
      try {
        files.put(name, file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
