package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import io.gradgen.processor.testing.Goldens;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every construct of the differentiable subset: the generated gradient equals central finite
 * differences of the user's own method, at points on both sides of every branch and kink.
 */
class FunctionGradientTest {
  private static CompiledModels compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("fn.Constructs", Goldens.resource("functions/Constructs.java")),
        JavaFileObjects.forSourceString("fn.Line", Goldens.resource("functions/Line.java")),
        JavaFileObjects.forSourceString("fn.Losses", Goldens.resource("functions/Losses.java"))));
  }

  private static Method method(String type, String name) {
    for (Method m : compiled.type(type).getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError("no method " + type + "." + name);
  }

  private static double call(Method m, Object... args) {
    try {
      return ((Number) m.invoke(null, args)).doubleValue();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Checks ∂f/∂a and ∂f/∂b of a two-argument function at (a, b). */
  private static void checkScalar(String name, double a, double b) {
    Method original = method("fn.Constructs", name);
    Method gradient = method("fn.ConstructsGradients", name + "Gradient");
    double[] grad = new double[2];
    double value = call(gradient, a, b, grad);
    assertEquals(call(original, a, b), value, 1e-12 * Math.max(1, Math.abs(value)), name + " value");
    double da = FiniteDifferences.derivative(v -> call(original, v, b), a);
    double db = FiniteDifferences.derivative(v -> call(original, a, v), b);
    assertTrue(FiniteDifferences.relativeError(grad[0], da) < 1e-6, name + " ∂/∂a: " + grad[0] + " vs " + da);
    assertTrue(FiniteDifferences.relativeError(grad[1], db) < 1e-6, name + " ∂/∂b: " + grad[1] + " vs " + db);
  }

  @TestFactory
  Stream<DynamicTest> everyScalarConstructMatchesFiniteDifferences() {
    double[][] points = {{0.7, 1.3}, {1.6, 0.4}};
    return Stream.of("arithmetic", "exponentials", "powers", "trigonometry", "kinks", "ternaries", "calls")
        .flatMap(name -> Stream.of(points).map(p ->
            DynamicTest.dynamicTest(name + " at " + p[0] + ", " + p[1], () -> checkScalar(name, p[0], p[1]))));
  }

  @Test
  void loopsOverArraysAreUnrolledAndArrayElementsGetTheirOwnPartials() {
    Method original = method("fn.Constructs", "loops");
    Method gradient = method("fn.ConstructsGradients", "loopsGradient");
    double w = 1.7;
    double[] x = {0.5, -1.0, 2.0, 0.25};
    double[] y = {1.0, 0.0, 3.0, -0.5};
    double[] grad = new double[5];
    call(gradient, w, x, y, grad);
    assertTrue(FiniteDifferences.relativeError(grad[0],
        FiniteDifferences.derivative(v -> call(original, v, x, y), w)) < 1e-6, "∂/∂w");
    for (int i = 0; i < x.length; i++) {
      final int k = i;
      double estimate = FiniteDifferences.derivative(v -> {
        double[] xs = x.clone();
        xs[k] = v;
        return call(original, w, xs, y);
      }, x[k]);
      assertTrue(FiniteDifferences.relativeError(grad[1 + k], estimate) < 1e-6, "∂/∂x[" + k + "]: " + grad[1 + k] + " vs " + estimate);
    }
  }

  @Test
  void floatArgumentsAreDifferentiatedInDouble() {
    double[] grad = new double[2];
    double value = call(method("fn.ConstructsGradients", "floatsGradient"), 0.75f, 3.0, grad);
    assertEquals(4.5, value, 0.0);
    assertArrayEquals(new double[] {6.0, 1.5}, grad, 0.0);
  }

  @Test
  void parameterFieldsOfAnInstanceMethodComeFirst() throws Exception {
    var constructor = compiled.type("fn.Constructs$Instance").getDeclaredConstructor(double.class, double.class);
    constructor.setAccessible(true);
    Object instance = constructor.newInstance(2.5, -1.0);
    Method gradient = method("fn.ConstructsGradients", "affineGradient");
    double[] grad = new double[3];
    double value = ((Number) gradient.invoke(null, instance, 0.8, grad)).doubleValue();
    assertEquals(2.5 * 0.8 - 1.0, value, 1e-15);
    // Layout: the @Parameter fields in declaration order, then the arguments.
    assertArrayEquals(new double[] {0.8, 1.0, 2.5}, grad, 1e-15);
  }

  @Test
  void theLineOfSeedsSectionOneHasDerivativeSixtyAtThree() {
    double[] grad = new double[1];
    double sse = call(method("fn.LineGradients", "sseGradient"),
        3.0, new double[] {0, 1, 2, 3, 4}, new double[] {0, 2, 4, 6, 8}, grad);
    assertEquals(30.0, sse, 1e-12);
    assertEquals(60.0, grad[0], 1e-12);
  }

  @Test
  void gradientsAddIntoTheArrayAndATooShortArrayIsRejected() {
    Method gradient = method("fn.ConstructsGradients", "squareGradient");
    double[] grad = {10.0};
    call(gradient, 3.0, grad);
    assertEquals(16.0, grad[0], 0.0, "adds 2·3 to 10");
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.lang.reflect.InvocationTargetException.class,
        () -> gradient.invoke(null, 3.0, new double[0]));
    assertEquals("grad needs 1 elements, but has 0", e.getCause().getMessage());
  }

  @Test
  void outputIsByteIdenticalAcrossBuilds() {
    for (int i = 0; i < 5; i++) {
      CompiledModels again = CompiledModels.compile(List.of(
          JavaFileObjects.forSourceString("fn.Losses", Goldens.resource("functions/Losses.java")),
          JavaFileObjects.forSourceString("fn.Constructs", Goldens.resource("functions/Constructs.java"))));
      assertEquals(compiled.source("fn/LossesGradients.java"), again.source("fn/LossesGradients.java"));
      assertEquals(compiled.source("fn/ConstructsGradients.java"), again.source("fn/ConstructsGradients.java"));
    }
  }

  @Test
  void goldenGradients() {
    Goldens.assertMatches(getClass(), "LineGradients.java", compiled.source("fn/LineGradients.java"));
    Goldens.assertMatches(getClass(), "LossesGradients.java", compiled.source("fn/LossesGradients.java"));
  }
}
