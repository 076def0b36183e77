package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.Goldens;
import io.gradgen.train.Initializer;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A select routes the gradient to the branch taken and nothing else: where the other branch is
 * infinite or NaN (sin(x)/x at 0, √z at −1, e^800), the gradient is still that of the taken branch,
 * in {@code @Differentiable} methods and in networks of both code shapes. Every expected value
 * below is the derivative worked out by hand.
 */
class GuardedBranchTest {
  private static CompiledModels compiled;

  /** A custom activation, its derivative by hand, and pre-activations that reach its dangerous points. */
  private record Activation(String name, String body, DoubleUnaryOperator f, DoubleUnaryOperator df, double[] z) {}

  private static final List<Activation> ACTIVATIONS = List.of(
      new Activation("sinc", "return z == 0 ? 1 : Math.sin(z) / z;",
          z -> z == 0 ? 1 : Math.sin(z) / z, z -> z == 0 ? 0 : (z * Math.cos(z) - Math.sin(z)) / (z * z),
          new double[] {0, 0, 0.5, -1.3}),
      new Activation("sqrtPositive", "return z > 0 ? Math.sqrt(z) : 0;",
          z -> z > 0 ? Math.sqrt(z) : 0, z -> z > 0 ? 0.5 / Math.sqrt(z) : 0, new double[] {-1, 0, 4, 2.25}),
      new Activation("softplusTail", "return z > 30 ? z : Math.log1p(Math.exp(z));",
          z -> z > 30 ? z : Math.log1p(Math.exp(z)), z -> z > 30 ? 1 : 1 / (1 + Math.exp(-z)),
          new double[] {800, -800, 0, 10}),
      new Activation("elu", "return z > 0 ? z : Math.exp(z) - 1;",
          z -> z > 0 ? z : Math.exp(z) - 1, z -> z > 0 ? 1 : Math.exp(z), new double[] {800, -1, -800, 0.3}),
      new Activation("pow15", "return z > 0 ? Math.pow(z, 1.5) : 0;",
          z -> z > 0 ? Math.pow(z, 1.5) : 0, z -> z > 0 ? 1.5 * Math.sqrt(z) : 0, new double[] {-1, 0, 4, 0.25}));

  private static final double[] V = {0.5, -0.3, 0.8, 0.2};
  private static final double C = 0.1;
  private static final double W1 = 0.7;
  private static final double[] X = {1, 0};
  private static final double[] T = {0.7};

  private static String network(Activation a, String shape) {
    return String.join("\n",
        "package guarded;",
        "import io.gradgen.*;",
        "@Network(inputs = 2, layers = {",
        "    @Dense(name = \"h\", units = 4, activation = Activation.CUSTOM, function = \"" + a.name() + "\"),",
        "    @Dense(name = \"out\", units = 1)},",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + shape + ")",
        "public interface " + typeName(a, shape) + " {",
        "  @Differentiable static double " + a.name() + "(double z) { " + a.body() + " }",
        "}");
  }

  private static String typeName(Activation a, String shape) {
    return Character.toUpperCase(a.name().charAt(0)) + a.name().substring(1) + (shape.equals("LOOPS") ? "Loops" : "Lines");
  }

  @BeforeAll
  static void compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("fn.Guarded", Goldens.resource("functions/Guarded.java")));
    for (Activation a : ACTIVATIONS) {
      for (String shape : List.of("STRAIGHT_LINE", "LOOPS")) {
        sources.add(JavaFileObjects.forSourceString("guarded." + typeName(a, shape), network(a, shape)));
      }
    }
    compiled = CompiledModels.compile(sources);
  }

  private static double[] gradient(String name, Object... args) {
    for (Method m : compiled.type("fn.GuardedGradients").getDeclaredMethods()) {
      if (m.getName().equals(name + "Gradient")) {
        m.setAccessible(true);
        int partials = args[0] instanceof double[] array ? array.length : args.length;
        double[] grad = new double[partials];
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = grad;
        try {
          m.invoke(null, all);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        return grad;
      }
    }
    throw new AssertionError("no gradient of " + name);
  }

  private static void assertDerivative(double expected, String name, double x) {
    double actual = gradient(name, x)[0];
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), name + "'(" + x + ")");
  }

  private static double sincSlope(double x) {
    return (x * Math.cos(x) - Math.sin(x)) / (x * x);
  }

  @Test
  void theIssuesGuardedFunctionsHaveTheTakenBranchsDerivative() {
    assertDerivative(0, "sinc", 0);
    assertDerivative(sincSlope(0.5), "sinc", 0.5);
    assertDerivative(0, "sqrtPositive", -1);
    assertDerivative(0, "sqrtPositive", 0);
    assertDerivative(0.25, "sqrtPositive", 4);
    assertDerivative(1, "softplusLinearTail", 800);
    assertDerivative(0.5, "softplusLinearTail", 0);
    assertDerivative(1 / (1 + Math.exp(-10)), "softplusLinearTail", 10);
    assertDerivative(0, "softplusLinearTail", -800);
    assertDerivative(1, "elu", 800);
    assertDerivative(Math.exp(-1), "elu", -1);
    assertDerivative(0, "elu", -800);
    assertDerivative(0, "pow15", -1);
    assertDerivative(0, "pow15", 0);
    assertDerivative(3, "pow15", 4);
  }

  @Test
  void nestedAndSharedBranchesRouteTheGradientOnlyWhereTheyAreTaken() {
    assertDerivative(0, "nested", 0);
    assertDerivative(0, "nested", 7);
    assertDerivative(sincSlope(2), "nested", 2);
    // t = sin(x)/x under x ≠ 0 and under x > 1: at 0 neither reads it.
    assertDerivative(0, "sharedBranch", 0);
    assertDerivative(sincSlope(0.5), "sharedBranch", 0.5);
    assertDerivative(2 * sincSlope(2), "sharedBranch", 2);
    assertDerivative(0, "logSquared", 0);
    assertDerivative(0, "logSquared", -3);
    assertDerivative(2 / Math.E, "logSquared", Math.E);
    assertDerivative(0, "reciprocalAbove", 1);
    assertDerivative(0, "reciprocalAbove", 0);
    assertDerivative(-0.25, "reciprocalAbove", 3);
    // x·ln x: ln x + 1.
    assertDerivative(0, "guardedCall", 0);
    assertDerivative(0, "guardedCall", -1);
    assertDerivative(2, "guardedCall", Math.E);
    assertDerivative(0, "absOfSqrt", 0);
    assertDerivative(0.25, "absOfSqrt", 4);
    // v ← v > 0 ? ln v + 1 : v/2, six times: slope 1 at the fixed point 1, (1/2)⁶ below 0.
    assertDerivative(1, "chain", 1);
    assertDerivative(1.0 / 64, "chain", -2);
    assertDerivative(1.0 / 64, "chain", 0);
  }

  @Test
  void eachPartialOfATwoArgumentFunctionIsThatOfTheBranchTaken() {
    // a < b ? √(b − a)·a : a·b
    assertArrayEquals(new double[] {2, 2}, gradient("twoArguments", 2.0, 2.0));
    assertArrayEquals(new double[] {1, 3}, gradient("twoArguments", 3.0, 1.0));
    assertArrayEquals(new double[] {-1.0 / 4 + 2, 1.0 / 4}, gradient("twoArguments", 1.0, 5.0));
    // Σ x_i > 0 ? √x_i : 0, unrolled.
    assertArrayEquals(new double[] {0, 0, 0.25, 1.0 / 6}, gradient("sumOfRoots", (Object) new double[] {-1, 0, 4, 9}));
  }

  private static void assertArrayEquals(double[] expected, double[] actual) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-12);
  }

  /** The network's parameters: h.w row by row (z_j = w_j0 at x = (1, 0)), h.b = 0, out.w = V, out.b = C. */
  private static double[] parameters(Activation a) {
    double[] p = new double[4 * 2 + 4 + 4 + 1];
    for (int j = 0; j < 4; j++) {
      p[2 * j] = a.z()[j];
      p[2 * j + 1] = W1;
    }
    System.arraycopy(V, 0, p, 12, 4);
    p[16] = C;
    return p;
  }

  /** ∂E/∂θ of E = ½(Σ v_j f(z_j) + c − t)² by hand, in the same order. */
  private static double[] expectedGradient(Activation a) {
    double y = C;
    for (int j = 0; j < 4; j++) {
      y += V[j] * a.f().applyAsDouble(a.z()[j]);
    }
    double err = y - T[0];
    double[] g = new double[17];
    for (int j = 0; j < 4; j++) {
      double delta = err * V[j] * a.df().applyAsDouble(a.z()[j]);
      g[2 * j] = delta * X[0];
      g[2 * j + 1] = delta * X[1];
      g[8 + j] = delta;
      g[12 + j] = err * a.f().applyAsDouble(a.z()[j]);
    }
    g[16] = err;
    return g;
  }

  @TestFactory
  Stream<DynamicTest> networksOfBothShapesHaveTheTakenBranchsGradientAtEveryDangerousPoint() {
    return ACTIVATIONS.stream().flatMap(a -> Stream.of("STRAIGHT_LINE", "LOOPS").map(shape ->
        DynamicTest.dynamicTest(typeName(a, shape), () -> {
          DifferentiableModel model = compiled.model("guarded." + typeName(a, shape) + "Model");
          model.parameters().copyFrom(parameters(a));
          double[] grad = new double[17];
          model.gradient(X, T, grad);
          double[] expected = expectedGradient(a);
          for (int i = 0; i < 17; i++) {
            assertEquals(expected[i], grad[i], 1e-9 * Math.max(1, Math.abs(expected[i])),
                typeName(a, shape) + " ∂E/∂" + model.parameterName(i));
          }
          // The fused step agrees: θ − η·∂E/∂θ, every weight finite.
          model.trainStep(X, T, 1e-4);
          double[] p = parameters(a);
          for (int i = 0; i < 17; i++) {
            double stepped = model.parameters().get(i);
            assertTrue(Double.isFinite(stepped), model.parameterName(i) + " = " + stepped);
            assertEquals(p[i] - 1e-4 * expected[i], stepped, 1e-9 * Math.max(1, Math.abs(p[i])), model.parameterName(i));
          }
        })));
  }

  @TestFactory
  Stream<DynamicTest> theIssuesPowerNetworkTrainsWithoutDiverging() {
    Activation pow = ACTIVATIONS.get(4);
    // XOR: two of the four hidden units start below 0 for some rows, where (z^1.5)' = √z is NaN.
    DataSet xor = DataSet.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
    return Stream.of("STRAIGHT_LINE", "LOOPS").map(shape -> DynamicTest.dynamicTest(shape, () -> {
      DifferentiableModel model = compiled.model("guarded." + typeName(pow, shape) + "Model");
      Initializer.xavier().initialize(model, 42);
      var result = Trainer.builder(new Sgd(0.05)).fullBatch().seed(42).stopWhen(StopRule.maxEpochs(200)).build()
          .fit(model, xor);
      double last = result.finalTrainingLoss();
      assertTrue(Double.isFinite(last) && last < result.history().trainingLoss(0), shape + ": " + last);
    }));
  }
}
