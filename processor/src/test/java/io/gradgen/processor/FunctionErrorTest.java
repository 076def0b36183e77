package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each construct outside the differentiable subset is a compile error on the exact expression,
 * with a message that names what is supported.
 */
class FunctionErrorTest {

  private static JavaFileObject function(String... body) {
    return JavaFileObjects.forSourceLines(
        "fn.F",
        "package fn;",
        "",
        "import io.gradgen.*;",
        "",
        "public abstract class F {",
        "  double field;",
        "  static double helper(double a) { return a; }",
        String.join("\n", body),
        "}");
  }

  private static Compilation compile(JavaFileObject source) {
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(source);
  }

  private static void rejects(String expectedMessage, String line, String... body) {
    JavaFileObject file = function(body);
    Compilation c = compile(file);
    assertThat(c).hadErrorContaining("[gradgen.function] " + expectedMessage).inFile(file).onLineContaining(line);
  }

  @Test
  void aCallToAnUnknownMethod() {
    rejects("'helper' is not a @Differentiable static method of this class", "return helper(a)",
        "  @Differentiable static double f(double a) {",
        "    return helper(a) * 2;",
        "  }");
  }

  @Test
  void aMathFunctionWithoutAGateRule() {
    rejects("Math.floor is not differentiable by gradgen; use exp, log", "Math.floor(a)",
        "  @Differentiable static double f(double a) {",
        "    return Math.floor(a);",
        "  }");
  }

  @Test
  void anAssignmentToAField() {
    rejects("only locals can be assigned in a @Differentiable method", "this.field = a",
        "  @Differentiable double f(double a) {",
        "    this.field = a;",
        "    return a;",
        "  }");
  }

  @Test
  void anAssignmentToAnArrayElement() {
    rejects("only locals can be assigned", "x[0] = a",
        "  @Differentiable static double f(double a, double[] x) {",
        "    x[0] = a;",
        "    return a;",
        "  }");
  }

  @Test
  void aLoopWithANonConstantBound() {
    rejects("x.length is not a compile-time constant; loop bounds must be constants, e.g. i < 5", "i < x.length",
        "  @Differentiable static double f(double a, double[] x) {",
        "    double s = 0;",
        "    for (int i = 0; i < x.length; i++) {",
        "      s += a * x[i];",
        "    }",
        "    return s;",
        "  }");
  }

  @Test
  void aWhileLoop() {
    rejects("only for loops with constant bounds can be unrolled", "while (s < 10)",
        "  @Differentiable static double f(double a) {",
        "    double s = a;",
        "    while (s < 10) {",
        "      s = s * 2;",
        "    }",
        "    return s;",
        "  }");
  }

  @Test
  void anIfStatement() {
    rejects("'if' statements are not in gradgen's differentiable subset; write a conditional expression instead",
        "if (a > 0)",
        "  @Differentiable static double f(double a) {",
        "    double s = a;",
        "    if (a > 0) s = -a;",
        "    return s;",
        "  }");
  }

  @Test
  void recursion() {
    rejects("recursion (f → g → f) cannot be inlined; write the computation with a for loop", "return f(a)",
        "  @Differentiable static double f(double a) {",
        "    return g(a);",
        "  }",
        "  @Differentiable static double g(double a) {",
        "    return f(a);",
        "  }");
  }

  @Test
  void exceptions() {
    rejects("exceptions (throw) is not in gradgen's differentiable subset of Java; supported:", "throw new",
        "  @Differentiable static double f(double a) {",
        "    throw new IllegalStateException();",
        "  }");
  }

  @Test
  void allocation() {
    rejects("a local of type double[] (only double, float and int locals; no allocation)", "new double[2]",
        "  @Differentiable static double f(double a) {",
        "    double[] b = new double[2];",
        "    return a;",
        "  }");
  }

  @Test
  void aLoopBoundFromAnArgument() {
    rejects("loop bounds and subscripts must be int constants or loop indices", "i < n",
        "  @Differentiable static double f(double a, int n) {",
        "    double s = 0;",
        "    for (int i = 0; i < n; i++) {",
        "      s += a;",
        "    }",
        "    return s;",
        "  }");
  }

  @Test
  void anIndexOutsideTheLoopIsChecked() {
    rejects("index -1 of x is negative", "x[i - 1]",
        "  @Differentiable static double f(double a, double[] x) {",
        "    double s = 0;",
        "    for (int i = 0; i < 2; i++) {",
        "      s += x[i - 1];",
        "    }",
        "    return s * a;",
        "  }");
  }

  @Test
  void aReturnInsideALoop() {
    rejects("return is only allowed as the method's last statement", "return x[i]",
        "  @Differentiable static double f(double a, double[] x) {",
        "    for (int i = 0; i < 2; i++) {",
        "      return x[i];",
        "    }",
        "    return a;",
        "  }");
  }

  @Test
  void aWrtThatNamesNoArgument() {
    rejects("wrt names 'b', which is not a double or double[] argument of f", "static double f",
        "  @Differentiable(wrt = \"b\") static double f(double a) {",
        "    return a;",
        "  }");
  }

  @Test
  void aNonDoubleResult() {
    rejects("a @Differentiable method returns double or float", "static int f",
        "  @Differentiable static int f(double a) {",
        "    return 1;",
        "  }");
  }

  @Test
  void aCustomActivationWithoutItsFunction() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = {",
        "    @Dense(name = \"h\", units = 2, activation = Activation.CUSTOM, function = \"swish\"),",
        "    @Dense(name = \"out\", units = 1)},",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.custom-function] there is no @Differentiable method 'swish' in this declaration;"
            + " declare @Differentiable static double swish(double z) { … }")
        .inFile(file).onLineContaining("function = \"swish\"");
  }

  @Test
  void aCustomLossWithTheWrongArity() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1),",
        "  loss = Loss.CUSTOM,",
        "  lossFunction = \"huber\")",
        "public interface Net {",
        "  @Differentiable static double huber(double d) { return d * d; }",
        "}");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.custom-function] 'huber' must be a static method taking 2 double arguments")
        .inFile(file).onLineContaining("lossFunction = \"huber\"");
  }

  @Test
  void aFunctionNameWithoutCustom() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1, function = \"swish\"),",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.custom-function] function = \"swish\" is only used with activation = Activation.CUSTOM")
        .inFile(file).onLineContaining("function = \"swish\"");
  }
}
