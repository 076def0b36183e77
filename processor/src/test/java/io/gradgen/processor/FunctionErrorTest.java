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
  void aCallToAnUnknownMethodIsReportedOnTheCall() {
    JavaFileObject file = function(
        "  @Differentiable static double f(double a) {",
        "    return 2 * helper(a);",
        "  }");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.function] helper(double) is not @Differentiable; mark it @Differentiable to call it here")
        .inFile(file).onLine(9).atColumn(22); // javac points at a call's parenthesis, not at the return
  }

  @Test
  void aCallToAMethodOfAnotherClass() {
    rejects("only java.lang.Math functions and @Differentiable methods of this class can be called, not Other.f", "Other.f(a)",
        "  @Differentiable static double f(double a) {",
        "    return Other.f(a);",
        "  }",
        "  static final class Other { static double f(double a) { return a; } }");
  }

  @Test
  void anArgumentThatHidesAParameterField() {
    rejects("the argument 'shadow' hides the @Parameter field of the same name", "double shadow)",
        "  @Parameter double weight;",
        "  @Differentiable double f(double shadow) {",
        "    return shadow * weight;",
        "  }",
        "  @Parameter double shadow;");
  }

  @Test
  void aTernaryWhoseConditionIsNotAComparison() {
    rejects("this expression (conditional and) is not in gradgen's differentiable subset", "a > 0 && b > 0",
        "  @Differentiable static double f(double a, double b) {",
        "    return a > 0 && b > 0 ? a : b;",
        "  }");
  }

  @Test
  void aRemainderOfDoubles() {
    rejects("% is only allowed on ints (loop indices)", "a % b",
        "  @Differentiable static double f(double a, double b) {",
        "    return a % b;",
        "  }");
  }

  @Test
  void aCastToInt() {
    rejects("a cast other than to double or float", "(int) a",
        "  @Differentiable static double f(double a) {",
        "    double b = (int) a;",
        "    return b;",
        "  }");
  }

  @Test
  void aLambda() {
    rejects("only java.lang.Math functions and @Differentiable methods of this class can be called", "x -> x",
        "  @Differentiable static double f(double a) {",
        "    double b = ((java.util.function.DoubleUnaryOperator) x -> x).applyAsDouble(a);",
        "    return b;",
        "  }");
  }

  @Test
  void aNestedBlock() {
    rejects("a nested block (block) is not in gradgen's differentiable subset", "{ // nested",
        "  @Differentiable static double f(double a) {",
        "    { // nested",
        "      a = a * 2;",
        "    }",
        "    return a;",
        "  }");
  }

  @Test
  void aRemainderAssignment() {
    rejects("this compound assignment (remainder assignment) is not in gradgen's differentiable subset", "a %= 2",
        "  @Differentiable static double f(double a) {",
        "    a %= 2;",
        "    return a;",
        "  }");
  }

  @Test
  void aBooleanLocal() {
    rejects("a local of type boolean (variable) is not in gradgen's differentiable subset", "boolean big",
        "  @Differentiable static double f(double a) {",
        "    boolean big = a > 1;",
        "    return a;",
        "  }");
  }

  @Test
  void aLocalWithoutAValue() {
    rejects("declare 'b' with a value: double b = 0;", "double b;",
        "  @Differentiable static double f(double a) {",
        "    double b;",
        "    b = a;",
        "    return b;",
        "  }");
  }

  @Test
  void aClassOfTheUsersCalledMathIsNotJavaLangMath() {
    // A class of the user's called Math is not java.lang.Math (it used to be read as one by its name).
    rejects("'Math' here is the class fn.F.Math, not java.lang.Math, whose functions gradgen differentiates;"
        + " write java.lang.Math.max(…), or rename the other Math", "Math.max(a)",
        "  @Differentiable static double f(double a) {",
        "    return Math.max(a) + 0 * Math.exp(a);",
        "  }",
        "  static final class Math { static double max(double a) { return a; } static double exp(double a) { return a; } }");
  }

  @Test
  void aForEachLoop() {
    rejects("only for loops with constant bounds can be unrolled", "for (double v : x)",
        "  @Differentiable static double f(double a, double[] x) {",
        "    double s = 0;",
        "    for (double v : x) {",
        "      s += v * a;",
        "    }",
        "    return s;",
        "  }");
  }

  @Test
  void aPrivateParameterField() {
    rejects("a @Parameter field must be a non-private, non-static double", "private double w",
        "  @Parameter private double w;",
        "  @Differentiable double f(double a) {",
        "    return a * w;",
        "  }");
  }

  @Test
  void aPrivateMethod() {
    rejects("a @Differentiable method must not be private", "private static double f",
        "  @Differentiable private static double f(double a) {",
        "    return a;",
        "  }");
  }

  @Test
  void aFunctionTooLargeToGenerate() {
    rejects("unrolled, f and its gradient would take about", "static double f",
        "  @Differentiable static double f(double a) {",
        "    double s = 0;",
        "    for (int i = 0; i < 8000; i++) {",
        "      s += Math.sin(a * i + s);",
        "    }",
        "    return s;",
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
    rejects("recursion (f(double) → g(double) → f(double)) cannot be inlined; write the computation with a for loop", "return f(a)",
        "  @Differentiable static double f(double a) {",
        "    return g(a);",
        "  }",
        "  @Differentiable static double g(double a) {",
        "    return f(a);",
        "  }");
  }

  @Test
  void everyFunctionErrorIsReportedOnceAndAnErrorInAThirdMethodToo() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1, activation = Activation.CUSTOM, function = \"f\"),",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {",
        "  @Differentiable static double f(double a) { return g(a); }",
        "  @Differentiable static double g(double a) { return f(a); }",
        "  @Differentiable static double h(double[] a) { return a[3]; }",
        "}");
    Compilation c = compile(file);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[gradgen.function] recursion (f(double) → g(double) → f(double)) cannot be inlined")
        .inFile(file).onLine(7);
    assertThat(c).hadErrorContaining("[gradgen.function] ").inFile(file).onLine(8);
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
  void anIntArgument() {
    rejects("int arguments are not in gradgen's differentiable subset", "int n",
        "  @Differentiable static double f(double a,",
        "      int n) {",
        "    return a * (n / 2);",
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
    rejects("wrt names 'b', which is not a double, float, double[] or float[] argument of f", "static double f",
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
  void aCustomActivationThatNamesNoFunction() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = {",
        "    @Dense(name = \"h\", units = 2, activation = Activation.CUSTOM),",
        "    @Dense(name = \"out\", units = 1)},",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "public interface Net {}");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.custom-function] layer 'h' has activation = CUSTOM but names no function;"
            + " add function = \"…\" naming a @Differentiable static double swish(double z) of the declaration")
        .inFile(file).onLineContaining("activation = Activation.CUSTOM");
  }

  @Test
  void aLossFunctionWithoutCustomLoss() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Net",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1),",
        "  loss = Loss.MEAN_SQUARED_ERROR,",
        "  lossFunction = \"huber\")",
        "public interface Net {}");
    assertThat(compile(file))
        .hadErrorContaining("[gradgen.custom-function] lossFunction = \"huber\" is only used with loss = Loss.CUSTOM")
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
