package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.diff.MissingGateRuleException;
import io.gradgen.processor.graph.Op;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each mistake a user can make in a declaration is a compile error with its stable tag, a message
 * that says what to write instead, on the line of the offending element or attribute.
 */
class CompileErrorTest {

  private static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(
        "test." + name,
        "package test;",
        "",
        "import io.gradgen.*;",
        "",
        String.join("\n", lines));
  }

  private static Compilation compile(JavaFileObject source) {
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(source);
  }

  /** A declaration whose only unusual part is its output layer and loss. */
  private static JavaFileObject network(String name, String layers, String loss) {
    return network(name, layers, loss, "AUTO");
  }

  /** The same, asking for a shape of code. */
  private static JavaFileObject network(String name, String layers, String loss, String code) {
    return source(
        name,
        "@Network(",
        "    inputs = 2,",
        "    layers = {",
        layers,
        "    },",
        "    loss = Loss." + loss + ",",
        "    code = CodeShape." + code + ")",
        "public interface " + name + " {}");
  }

  @Test
  void aConcreteClassIsRejected() {
    JavaFileObject file =
        source("Net", "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1),"
            + " loss = Loss.HALF_SUM_SQUARED_ERROR)", "public class Net {}");
    Compilation c = compile(file);
    assertThat(c).hadErrorContaining("[gradgen.declaration-kind] @Network must be on an interface or an abstract class")
        .inFile(file).onLineContaining("public class Net");
    assertThat(c).hadErrorContaining("make Net an interface or declare it abstract");
  }

  @Test
  void anEnumIsRejected() {
    JavaFileObject file =
        source("Net", "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1),"
            + " loss = Loss.HALF_SUM_SQUARED_ERROR)", "enum Net { A }");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-kind]").inFile(file).onLineContaining("enum Net");
  }

  @Test
  void aPrivateNestedDeclarationIsRejected() {
    JavaFileObject file = source(
        "Outer",
        "class Outer {",
        "  @Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "  private interface Net {}",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-access] a @Network declaration must not be private")
        .inFile(file).onLineContaining("private interface Net");
  }

  @Test
  void anInnerClassIsRejected() {
    JavaFileObject file = source(
        "Outer",
        "class Outer {",
        "  @Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "  abstract class Net {}",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-access] a nested @Network class must be static")
        .inFile(file).onLineContaining("abstract class Net");
  }

  @Test
  void aGenericDeclarationIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net<T> {}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-generic]").inFile(file).onLineContaining("interface Net<T>");
  }

  @Test
  void anAbstractClassWithoutANoArgumentConstructorIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public abstract class Net {",
        "  protected Net(int size) {}",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-constructor]")
        .inFile(file).onLineContaining("public abstract class Net");
    assertThat(compile(file)).hadErrorContaining("add 'protected Net() {}'");
  }

  @Test
  void anAbstractMethodGradgenCannotImplementIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {",
        "  double temperature();",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.abstract-method] gradgen cannot implement the abstract method 'temperature'")
        .inFile(file).onLineContaining("double temperature();");
  }

  @Test
  void anAbstractMethodWithTheNameButNotTheSignatureOfAModelMethodIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {",
        "  double predict(double x);",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.abstract-method] gradgen cannot implement the abstract method 'predict'")
        .inFile(file).onLineContaining("double predict(double x);");
  }

  @Test
  void aDeclarationThatExtendsTheModelInterfaceIsAccepted() {
    JavaFileObject file = source(
        "Net",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net extends DifferentiableModel {}");
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void inputsBelowOneAreRejectedOnTheAttribute() {
    JavaFileObject file = source(
        "Net",
        "@Network(",
        "    inputs = 0,",
        "    layers = @Dense(name = \"out\", units = 1),",
        "    loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.inputs] inputs must be at least 1, but is 0; write e.g. 'inputs = 2'")
        .inFile(file).onLineContaining("inputs = 0");
  }

  @Test
  void aNetworkWithoutLayersIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(",
        "    inputs = 2,",
        "    layers = {},",
        "    loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.no-layers] a network needs at least one layer")
        .inFile(file).onLineContaining("layers = {}");
  }

  @Test
  void unitsBelowOneAreRejectedOnTheLayer() {
    JavaFileObject file = network(
        "Net",
        "      @Dense(name = \"hidden\", units = 3),\n      @Dense(name = \"out\", units = 0)",
        "HALF_SUM_SQUARED_ERROR");
    assertThat(compile(file)).hadErrorContaining("[gradgen.units] layer 'out' must have at least 1 unit, but has 0")
        .inFile(file).onLineContaining("units = 0");
  }

  @Test
  void aLayerNameThatIsNotAnIdentifierIsRejected() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"hidden layer\", units = 3),\n      @Dense(name = \"out\", units = 1)",
        "HALF_SUM_SQUARED_ERROR");
    assertThat(compile(file)).hadErrorContaining("[gradgen.layer-name] layer name \"hidden layer\" is not a Java identifier")
        .inFile(file).onLineContaining("hidden layer");
  }

  @Test
  void duplicateLayerNamesAreRejectedOnTheSecond() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"dense\", units = 3),\n      @Dense(name = \"dense\", units = 1, activation = Activation.SIGMOID)",
        "HALF_SUM_SQUARED_ERROR");
    assertThat(compile(file)).hadErrorContaining("[gradgen.duplicate-layer-name] layer name \"dense\" is already used by layer 1")
        .inFile(file).onLineContaining("activation = Activation.SIGMOID");
  }

  @Test
  void softmaxOnAHiddenLayerIsRejected() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"hidden\", units = 3, activation = Activation.SOFTMAX),\n      @Dense(name = \"out\", units = 1)",
        "HALF_SUM_SQUARED_ERROR");
    assertThat(compile(file)).hadErrorContaining("[gradgen.softmax-placement] softmax is only allowed on the output layer, but layer 'hidden' is hidden")
        .inFile(file).onLineContaining("activation = Activation.SOFTMAX");
  }

  @Test
  void softmaxOverOneUnitIsRejected() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"out\", units = 1, activation = Activation.SOFTMAX)", "CATEGORICAL_CROSS_ENTROPY");
    assertThat(compile(file)).hadErrorContaining("[gradgen.softmax-units] softmax over 1 unit is always 1")
        .inFile(file).onLineContaining("activation = Activation.SOFTMAX");
  }

  @Test
  void binaryCrossEntropyNeedsSigmoidOutputs() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"out\", units = 2, activation = Activation.TANH)", "BINARY_CROSS_ENTROPY");
    assertThat(compile(file)).hadErrorContaining(
            "[gradgen.loss-activation] BINARY_CROSS_ENTROPY needs a SIGMOID output layer, but 'out' uses TANH;"
                + " set activation = SIGMOID on the output layer or choose a squared-error loss")
        .inFile(file).onLineContaining("loss = Loss.BINARY_CROSS_ENTROPY");
  }

  @Test
  void categoricalCrossEntropyNeedsSoftmaxOutputs() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"out\", units = 3, activation = Activation.SIGMOID)", "CATEGORICAL_CROSS_ENTROPY");
    assertThat(compile(file)).hadErrorContaining(
            "[gradgen.loss-activation] CATEGORICAL_CROSS_ENTROPY needs a SOFTMAX output layer, but 'out' uses SIGMOID")
        .inFile(file).onLineContaining("loss = Loss.CATEGORICAL_CROSS_ENTROPY");
  }

  @Test
  void aNetworkTooLargeForStraightLineCodeIsRejected() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"hidden\", units = 800),\n      @Dense(name = \"out\", units = 1)",
        "HALF_SUM_SQUARED_ERROR", "STRAIGHT_LINE");
    // 2,000 fixed + 1,600 first-layer weights × 26 + 800 weights × 39 + 801 neurons × 80 bytes.
    assertThat(compile(file)).hadErrorContaining("[gradgen.size] this network is too large for straight-line code:"
            + " its gradient would take about 138880 bytes of bytecode, past the 60000 that straight-line code allows")
        .inFile(file).onLineContaining("layers = {");
  }

  @Test
  void aStraightLineNetworkPastTheJitLimitCompilesWithoutAWarning() {
    // 2,000 + 240 × 26 + 120 × 39 + 121 × 80 = 22,600 estimated bytes: split into parts, not interpreted.
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"hidden\", units = 120),\n      @Dense(name = \"out\", units = 1)",
        "HALF_SUM_SQUARED_ERROR", "STRAIGHT_LINE");
    Compilation c = compile(file);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void theSameLargeNetworkCompilesAsLoopsWithoutAWarning() {
    JavaFileObject file = network(
        "Net", "      @Dense(name = \"hidden\", units = 800),\n      @Dense(name = \"out\", units = 1)",
        "HALF_SUM_SQUARED_ERROR");
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void floatNetworksCompileAsLoopsWithoutAWarning() {
    // Explicit loops, and AUTO past the JIT limit, in float as in double.
    for (String code : new String[] {"LOOPS", "AUTO"}) {
      JavaFileObject file = source(
          "Net",
          "@Network(",
          "    inputs = 2,",
          "    layers = {@Dense(name = \"hidden\", units = 800), @Dense(name = \"out\", units = 1)},",
          "    loss = Loss.HALF_SUM_SQUARED_ERROR,",
          "    code = CodeShape." + code + ",",
          "    precision = Precision.FLOAT)",
          "public interface Net {}");
      Compilation c = compile(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.NetModel").contentsAsUtf8String().contains("FloatParameters.byColumn(LAYOUT)");
    }
  }

  @Test
  void aLayerTooWideToUnrollIsRejected() {
    JavaFileObject file = source(
        "Net",
        "@Network(",
        "    inputs = 2,",
        "    layers = @Dense(name = \"out\", units = 65, unitLoop = UnitLoop.UNROLLED),",
        "    loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.LOOPS)",
        "public interface Net {}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.unit-loop] layer 'out' has 65 units, too many to write"
        + " out (at most 64); use unitLoop = UnitLoop.VECTORIZED or AUTO").inFile(file).onLineContaining("unitLoop");
  }

  @Test
  void leakyReluNeedsAFiniteSlope() {
    JavaFileObject file = source(
        "Net",
        "@Network(",
        "    inputs = 2,",
        "    layers = @Dense(name = \"out\", units = 1, activation = Activation.LEAKY_RELU,",
        "        slope = Double.NaN),",
        "    loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.slope] layer 'out' must have a finite slope, but has NaN")
        .inFile(file).onLineContaining("slope = Double.NaN");
  }

  @Test
  void everyMistakeOfADeclarationIsReportedInOneBuild() {
    JavaFileObject file = source(
        "Net",
        "@Network(",
        "    inputs = -1,",
        "    layers = {",
        "      @Dense(name = \"h\", units = 0),",
        "      @Dense(name = \"h\", units = 2, activation = Activation.SIGMOID)",
        "    },",
        "    loss = Loss.CATEGORICAL_CROSS_ENTROPY)",
        "public interface Net {}");
    Compilation c = compile(file);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[gradgen.inputs]");
    assertThat(c).hadErrorContaining("[gradgen.units]");
    assertThat(c).hadErrorContaining("[gradgen.duplicate-layer-name]");
    assertThat(c).hadErrorContaining("[gradgen.loss-activation]");
  }

  @Test
  void oneBadDeclarationDoesNotStopTheOthers() {
    JavaFileObject bad = network("Bad", "      @Dense(name = \"out\", units = 0)", "HALF_SUM_SQUARED_ERROR");
    JavaFileObject good = network("Good", "      @Dense(name = \"out\", units = 1)", "HALF_SUM_SQUARED_ERROR");
    java.util.List<String> generated = new java.util.ArrayList<>();
    GradgenProcessor recording = new GradgenProcessor(spec -> {
      generated.add(spec.modelName());
      return Pipeline.generate(spec);
    });
    Compilation c = Compiler.javac().withProcessors(recording).compile(bad, good);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[gradgen.units]").inFile(bad);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("GoodModel"), generated);
  }

  @Test
  void anInternalFailureIsACompileErrorWithContextNotACrash() {
    JavaFileObject file = network("Net", "      @Dense(name = \"out\", units = 1)", "HALF_SUM_SQUARED_ERROR");
    Compilation c =
        Compiler.javac()
            .withProcessors(new GradgenProcessor(spec -> {
              throw new IllegalStateException("simulated failure");
            }))
            .compile(file);
    assertThat(c).hadErrorContaining(
            "[gradgen.internal] gradgen failed on test.Net: java.lang.IllegalStateException: simulated failure."
                + " This is a bug in gradgen")
        .inFile(file).onLineContaining("public interface Net");
  }

  @Test
  void aMissingGateRuleIsACompileError() {
    JavaFileObject file = network("Net", "      @Dense(name = \"out\", units = 1)", "HALF_SUM_SQUARED_ERROR");
    Compilation c =
        Compiler.javac()
            .withProcessors(new GradgenProcessor(spec -> {
              throw new MissingGateRuleException(Op.TANH);
            }))
            .compile(file);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[gradgen.missing-gate-rule] no gate rule for op TANH")
        .inFile(file).onLineContaining("public interface Net");
  }
}
