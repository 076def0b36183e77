package io.gradgen.processor.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.GradgenProcessor;
import io.gradgen.processor.testing.BuildToolDeclarations;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Kotlin through kapt: javac sees Java stubs of the Kotlin declarations, with every signature and
 * annotation but placeholder bodies ({@code return 0.0;}) and Kotlin's {@code @kotlin.Metadata} on
 * the class. The stubs here have kapt's shape. A stub's {@code @Differentiable} method is a tagged
 * error, never a zero gradient; a built-in network from Kotlin generates what its Java twin does.
 */
class KaptStubTest {
  /** Kotlin's class annotation, as the Kotlin standard library declares it (its elements). */
  private static final JavaFileObject METADATA = JavaFileObjects.forSourceLines("kotlin.Metadata",
      "package kotlin;",
      "import java.lang.annotation.*;",
      "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)",
      "public @interface Metadata {",
      "  int k() default 1;",
      "  int[] mv() default {};",
      "  String[] d1() default {};",
      "  String[] d2() default {};",
      "  String xs() default \"\";",
      "  String pn() default \"\";",
      "  int xi() default 0;",
      "}");

  private static Compilation compile(JavaFileObject... sources) {
    JavaFileObject[] all = new JavaFileObject[sources.length + 1];
    all[0] = METADATA;
    System.arraycopy(sources, 0, all, 1, sources.length);
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(all);
  }

  @Test
  void stubOfAKotlinObjectsDifferentiableFunctionIsATaggedErrorNotAZeroGradient() {
    // kapt's stub of: object Activations { @Differentiable @JvmStatic fun swish(z: Double) = z / (1 + exp(-z)) }
    JavaFileObject stub = JavaFileObjects.forSourceLines("tools.Activations",
        "package tools;",
        "@kotlin.Metadata(mv = {2, 0, 0}, k = 1, xi = 48, d1 = {\"\\u0000\\u0014\\n\"},"
            + " d2 = {\"Ltools/Activations;\", \"\", \"<init>\", \"()V\", \"swish\", \"\", \"z\"})",
        "public final class Activations {",
        "  public static final tools.Activations INSTANCE = null;",
        "  private Activations() { super(); }",
        "  @io.gradgen.Differentiable",
        "  public static final double swish(double z) {",
        "    return 0.0;",
        "  }",
        "}");
    Compilation c = compile(stub);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[gradgen.kapt] Activations.swish is Kotlin").inFile(stub)
        .onLineContaining("double swish(");
    assertThat(c).hadErrorContaining("in a Java source file");
  }

  @Test
  void stubOfAKotlinNetworkWithACustomActivationIsRefusedNotTrainedOnZero() {
    // kapt's stub of a Kotlin abstract class whose companion's @JvmStatic function is the activation.
    JavaFileObject stub = JavaFileObjects.forSourceLines("tools.SwishNet",
        "package tools;",
        "@kotlin.Metadata(mv = {2, 0, 0}, k = 1, xi = 48, d2 = {\"Ltools/SwishNet;\", \"\"})",
        "@io.gradgen.Network(inputs = 2, layers = {",
        "    @io.gradgen.Dense(name = \"hidden\", units = 3, activation = io.gradgen.Activation.CUSTOM, function = \"swish\"),",
        "    @io.gradgen.Dense(name = \"out\", units = 1)},",
        "  loss = io.gradgen.Loss.MEAN_SQUARED_ERROR)",
        "public abstract class SwishNet {",
        "  public SwishNet() { super(); }",
        "  @io.gradgen.Differentiable",
        "  public static final double swish(double z) { return 0.0; }",
        "}");
    Compilation c = compile(stub);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[gradgen.kapt] SwishNet.swish is Kotlin").inFile(stub)
        .onLineContaining("double swish(");
  }

  @Test
  void stubOfAKotlinNetworkOfBuiltInsGeneratesWhatItsJavaTwinDoes() {
    JavaFileObject stub = JavaFileObjects.forSourceLines("tools.SeedNet",
        "package tools;",
        "@kotlin.Metadata(mv = {2, 0, 0}, k = 1, xi = 48, d2 = {\"Ltools/SeedNet;\", \"\"})",
        "@io.gradgen.Network(inputs = 2, layers = {",
        "    @io.gradgen.Dense(name = \"hidden\", units = 2, activation = io.gradgen.Activation.SIGMOID,"
            + " bias = io.gradgen.Bias.SHARED),",
        "    @io.gradgen.Dense(name = \"output\", units = 2, activation = io.gradgen.Activation.SIGMOID,"
            + " bias = io.gradgen.Bias.SHARED)},",
        "  loss = io.gradgen.Loss.HALF_SUM_SQUARED_ERROR)",
        "public abstract interface SeedNet {",
        "}");
    Compilation c = compile(stub);
    assertThat(c).succeeded();
    assertThat(BuildToolDeclarations.generated(c))
        .containsExactlyEntriesIn(BuildToolDeclarations.reference(BuildToolDeclarations.BUILT_IN_OUTPUT));
  }
}
