package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.testing.CompiledModels;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README: a {@code @Differentiable} method's generated gradient computes its values in double,
 * float arguments and float[] elements included. a·b with a = b = 1 + 2⁻¹² is 1 + 2⁻¹¹ + 2⁻²⁴; in
 * float it rounds to 1 + 2⁻¹¹, and a·b − (1 + 2⁻¹¹) would be 0.
 */
class FloatArgumentsTest {
  private static final float A = 1 + 0x1p-12f;
  private static final double C = 1 + 0x1p-11;

  private static final CompiledModels COMPILED = CompiledModels.compile(List.of(JavaFileObjects.forSourceLines("fa.Floats",
      "package fa;", "import io.gradgen.Differentiable;",
      "public final class Floats {",
      "  @Differentiable static double product(float a, float b, double c) { return a * b - c; }",
      "  @Differentiable(wrt = \"v\") static double elements(float[] v, double c) { return v[0] * v[1] - c; }",
      "}")));

  private static double call(String name, Object... args) throws ReflectiveOperationException {
    for (Method m : COMPILED.type("fa.FloatsGradients").getDeclaredMethods()) {
      if (m.getName().equals(name + "Gradient")) {
        m.setAccessible(true);
        return (double) m.invoke(null, args);
      }
    }
    throw new AssertionError("no gradient method for " + name);
  }

  @Test
  void floatArgumentsAreMultipliedInDouble() throws ReflectiveOperationException {
    double[] grad = new double[3];
    assertEquals(0x1p-24, call("product", A, A, C, grad), "a·b − c");
    assertEquals(A, grad[0], "∂/∂a = b");
    assertEquals(-1, grad[2], "∂/∂c");
  }

  @Test
  void floatArrayElementsAreMultipliedInDouble() throws ReflectiveOperationException {
    double[] grad = new double[2];
    assertEquals(0x1p-24, call("elements", new float[] {A, A}, C, grad), "v₀·v₁ − c");
    assertEquals(A, grad[0], "∂/∂v₀ = v₁");
  }
}
