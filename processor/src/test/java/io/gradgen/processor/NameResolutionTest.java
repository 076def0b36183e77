package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.lang.reflect.Method;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Calls in {@code @Differentiable} bodies are resolved through the compiler's symbols: a class of
 * the user's called {@code Math} (nested, inherited, imported, in the package) or a field of that
 * name is never taken for {@code java.lang.Math}, and overloads are told apart.
 */
class NameResolutionTest {
  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(sources);
  }

  private static final String NOT_MATH = "not java.lang.Math, whose functions gradgen differentiates";

  @Test
  void theIssuesNestedMathIsACompileErrorNotTheGradientOfExp() {
    // Math.exp here returns 2: gradgen used to generate the value 2 with the "gradient" of e^x.
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Shadow",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Shadow {",
        "  static final class Math { static double exp(double x) { return 2; } }",
        "  @Differentiable static double f(double x) { return Math.exp(x); }",
        "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.function] 'Math' here is the class fn.Shadow.Math, " + NOT_MATH)
        .inFile(file).onLineContaining("return Math.exp(x)");
  }

  @Test
  void aMathOfAnEnclosingClassASuperclassAnImportOrThePackageIsNotJavaLangMath() {
    JavaFileObject enclosing = JavaFileObjects.forSourceLines("fn.Outer",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Outer {",
        "  static final class Math { static double exp(double x) { return 2; } }",
        "  public static final class Inner {",
        "    @Differentiable static double f(double x) { return Math.exp(x); }",
        "  }",
        "}");
    assertThat(compile(enclosing)).hadErrorContaining("'Math' here is the class fn.Outer.Math, " + NOT_MATH);

    JavaFileObject base = JavaFileObjects.forSourceLines("fn.Base",
        "package fn;",
        "public class Base { protected static final class Math { static double sin(double x) { return x; } } }");
    JavaFileObject derived = JavaFileObjects.forSourceLines("fn.Derived",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Derived extends Base {",
        "  @Differentiable static double f(double x) { return Math.sin(x); }",
        "}");
    assertThat(compile(base, derived)).hadErrorContaining("'Math' here is the class fn.Base.Math, " + NOT_MATH);

    JavaFileObject other = JavaFileObjects.forSourceLines("other.Math",
        "package other;",
        "public final class Math { public static double log(double x) { return x; } }");
    JavaFileObject importer = JavaFileObjects.forSourceLines("fn.Importer",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "import other.Math;",
        "public final class Importer {",
        "  @Differentiable static double f(double x) { return Math.log(x); }",
        "}");
    assertThat(compile(other, importer)).hadErrorContaining("'Math' here is the class other.Math, " + NOT_MATH);

    JavaFileObject samePackage = JavaFileObjects.forSourceLines("fn.Math",
        "package fn;",
        "public final class Math { static double tanh(double x) { return x; } }");
    JavaFileObject user = JavaFileObjects.forSourceLines("fn.User",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class User {",
        "  @Differentiable static double f(double x) { return Math.tanh(x) + Math.PI; }",
        "}");
    assertThat(compile(samePackage, user)).hadErrorContaining("'Math' here is the class fn.Math, " + NOT_MATH);
  }

  @Test
  void aFieldCalledMathObscuresTheClass() {
    JavaFileObject file = JavaFileObjects.forSourceLines("fn.Field",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Field {",
        "  static final class Doubler { double exp(double x) { return 2 * x; } }",
        "  static final Doubler Math = new Doubler();",
        "  @Differentiable static double f(double x) { return Math.exp(x); }",
        "}");
    assertThat(compile(file)).hadErrorContaining("'Math' here is a field or variable, " + NOT_MATH);
  }

  private static double[] gradient(CompiledModels compiled, String type, String method, Object... args) {
    for (Method m : compiled.type(type).getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length + 1) {
        m.setAccessible(true);
        double[] grad = new double[args.length];
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = grad;
        try {
          m.invoke(null, all);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        return grad;
      }
    }
    throw new AssertionError("no " + method);
  }

  @Test
  void javaLangMathSpelledOutAndStaticImportsStillWorkBesideAMathOfTheUsers() {
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceLines("fn.Qualified",
        "package fn;",
        "import static java.lang.Math.sin;",
        "import io.gradgen.Differentiable;",
        "public final class Qualified {",
        "  static final class Math { static double exp(double x) { return 2; } }",
        "  @Differentiable static double f(double x) { return java.lang.Math.exp(x) + sin(x) * java.lang.Math.PI; }",
        "}")));
    // d/dx (e^x + π·sin x) = e^x + π·cos x
    double x = 0.3;
    assertEquals(java.lang.Math.exp(x) + java.lang.Math.PI * java.lang.Math.cos(x),
        gradient(compiled, "fn.QualifiedGradients", "fGradient", x)[0], 1e-12);
  }

  @Test
  void overloadsAreToldApartAndAreNoRecursion() {
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceLines("fn.Overloads",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1, activation = Activation.CUSTOM, function = \"f\"),",
        "    loss = Loss.CUSTOM, lossFunction = \"loss\")",
        "public interface Overloads {",
        "  @Differentiable static double f(double z) { return 0.5 * f(z, 2); }",
        "  @Differentiable static double f(double o, double t) { double d = o - t; return d * d; }",
        "  @Differentiable static double g(double x) { return f(x) + f(x, 1); }",
        "  @Differentiable static double loss(double o, double t) { return f(o, t); }",
        "}")));
    // g = ½(x − 2)² + (x − 1)², g' = (x − 2) + 2(x − 1)
    double x = 0.7;
    assertEquals((x - 2) + 2 * (x - 1), gradient(compiled, "fn.OverloadsGradients", "gGradient", x)[0], 1e-12);
    assertArrayEquals(new double[] {2 * (x - 1), -2 * (x - 1)},
        gradient(compiled, "fn.OverloadsGradients", "fGradient", x, 1.0), 1e-12);
    // The network: activation f(z) = ½(z − 2)², loss f(a, t) = (a − t)² (the overloads by name and by call).
    DifferentiableModel model = compiled.model("fn.OverloadsModel");
    double w = 0.4;
    double b = -0.3;
    model.parameters().copyFrom(new double[] {w, b});
    double in = 1.5;
    double t = 0.25;
    double z = w * in + b;
    double a = 0.5 * (z - 2) * (z - 2);
    double[] grad = new double[2];
    double loss = model.gradient(new double[] {in}, new double[] {t}, grad);
    assertEquals((a - t) * (a - t), loss, 1e-12);
    assertArrayEquals(new double[] {2 * (a - t) * (z - 2) * in, 2 * (a - t) * (z - 2)}, grad, 1e-12);
  }

  @Test
  void oneOverloadedNameForTheActivationAndTheLossIsAnError() {
    JavaFileObject both = JavaFileObjects.forSourceLines("fn.Both",
        "package fn;",
        "import io.gradgen.*;",
        "@Network(inputs = 1, layers = @Dense(name = \"out\", units = 1, activation = Activation.CUSTOM, function = \"f\"),",
        "    loss = Loss.CUSTOM, lossFunction = \"f\")",
        "public interface Both {",
        "  @Differentiable static double f(double z) { return z; }",
        "  @Differentiable static double f(double o, double t) { return o - t; }",
        "}");
    assertThat(compile(both)).hadErrorContaining("[gradgen.custom-function] 'f' names both a layer's activation, f(double),"
        + " and the loss, f(double,double); give the loss function its own name, e.g. lossFunction = \"fLoss\"");
  }

  @Test
  void aCallThatCouldBeSeveralOverloadsOrANonDifferentiableOneIsAnError() {
    JavaFileObject ambiguous = JavaFileObjects.forSourceLines("fn.Ambiguous",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Ambiguous {",
        "  @Differentiable static double f(double x) { return x * x; }",
        "  @Differentiable static double f(float x) { return x; }",
        "  @Differentiable static double g(double x) { return f(x); }",
        "}");
    assertThat(compile(ambiguous)).hadErrorContaining(
        "[gradgen.function] this call could be any of [f(double), f(float)], which gradgen does not choose between;"
            + " give the overloads different names").inFile(ambiguous).onLineContaining("return f(x); }");

    JavaFileObject plain = JavaFileObjects.forSourceLines("fn.Plain",
        "package fn;",
        "import io.gradgen.Differentiable;",
        "public final class Plain {",
        "  static double h(double[] x) { return x[0]; }",
        "  @Differentiable static double h(double x) { return x; }",
        "  @Differentiable(wrt = \"x\") static double g(double[] x) { return h(x); }",
        "}");
    assertThat(compile(plain)).hadErrorContaining(
        "[gradgen.function] h(double[]) is not @Differentiable; mark it @Differentiable to call it here");
  }
}
