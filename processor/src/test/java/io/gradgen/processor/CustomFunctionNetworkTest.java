package io.gradgen.processor;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Activations and losses written as plain Java (swish, softplus, Huber, log-cosh) in dense networks:
 * their derivatives are derived, and every generated gradient matches finite differences.
 */
class CustomFunctionNetworkTest {
  private static CompiledModels compiled;

  private static final String FUNCTIONS = String.join("\n",
      "  @Differentiable static double swish(double z) { return z / (1 + Math.exp(-z)); }",
      "  @Differentiable static double softplus(double z) {",
      "    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));",
      "  }",
      "  @Differentiable static double huber(double output, double target) {",
      "    double d = output - target;",
      "    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;",
      "  }",
      "  @Differentiable static double logCosh(double output, double target) {",
      "    double d = Math.abs(output - target);",
      "    return d + Math.log1p(Math.exp(-2 * d)) - Math.log(2);",
      "  }");

  private static String network(String name, String activation, String loss) {
    return String.join("\n",
        "package custom;",
        "import io.gradgen.*;",
        "@Network(inputs = 3, layers = {",
        "    @Dense(name = \"h\", units = 4, activation = Activation.CUSTOM, function = \"" + activation + "\"),",
        "    @Dense(name = \"out\", units = 2)},",
        "  loss = Loss.CUSTOM, lossFunction = \"" + loss + "\")",
        "public interface " + name + " {",
        FUNCTIONS,
        "}");
  }

  private static final List<String[]> CASES = List.of(
      new String[] {"SwishHuber", "swish", "huber"},
      new String[] {"SwishLogCosh", "swish", "logCosh"},
      new String[] {"SoftplusHuber", "softplus", "huber"},
      new String[] {"SoftplusLogCosh", "softplus", "logCosh"});

  @BeforeAll
  static void compile() {
    compiled = CompiledModels.compile(CASES.stream()
        .map(c -> JavaFileObjects.forSourceString("custom." + c[0], network(c[0], c[1], c[2])))
        .toList());
  }

  @TestFactory
  Stream<DynamicTest> gradientsOfCustomActivationsAndLossesMatchFiniteDifferences() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
      DifferentiableModel model = compiled.model("custom." + c[0] + "Model");
      Random random = new Random(c[0].hashCode());
      double[] p = new double[model.parameterCount()];
      for (int trial = 0; trial < 3; trial++) {
        for (int i = 0; i < p.length; i++) {
          p[i] = random.nextDouble() * 2 - 1;
        }
        model.parameters().copyFrom(p);
        double[] x = {random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2};
        // Targets far from and near the outputs, so both Huber branches are taken.
        double[] t = {random.nextDouble() * 6 - 3, random.nextDouble() * 0.4 - 0.2};
        FiniteDifferences.assertGradientMatches(model, x, t, c[0]);
      }
    }));
  }
}
