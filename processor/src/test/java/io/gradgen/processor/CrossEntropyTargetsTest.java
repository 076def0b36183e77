package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The softmax cross-entropy's gradient is its loss's own derivative, p·Σt − t, for targets of any
 * sum (label smoothing, soft or unnormalized targets), in both code shapes and in batches; for
 * targets summing to 1 it is p − t.
 */
class CrossEntropyTargetsTest {
  private static String network(String name, String code) {
    return String.join("\n",
        "package ce;",
        "import io.gradgen.*;",
        "@Network(inputs = 3, layers = {",
        "    @Dense(name = \"h\", units = 4, activation = Activation.TANH),",
        "    @Dense(name = \"out\", units = 3, activation = Activation.SOFTMAX)},",
        "  loss = Loss.CATEGORICAL_CROSS_ENTROPY, code = CodeShape." + code + ")",
        "public interface " + name + " {}");
  }

  @Test
  void targetsThatDoNotSumToOneGetTheLossesOwnGradientInBothShapes() {
    CompiledModels compiled = CompiledModels.compile(List.of(
        JavaFileObjects.forSourceString("ce.Line", network("Line", "STRAIGHT_LINE")),
        JavaFileObjects.forSourceString("ce.Loops", network("Loops", "LOOPS"))));
    Random random = new Random(13);
    double[] p = new double[compiled.model("ce.LineModel").parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble() * 2 - 1;
    }
    double[] x = {0.4, -1.1, 0.7};
    double[] t = {0.3, 0.9, 0.1}; // sums to 1.3
    for (String name : List.of("ce.LineModel", "ce.LoopsModel")) {
      DifferentiableModel model = compiled.model(name);
      model.parameters().copyFrom(p);
      FiniteDifferences.assertGradientMatches(model, x, t, name);
      // The batch gradient of two such rows is twice one row's.
      double[] one = new double[p.length];
      model.gradient(x, t, one);
      double[] two = new double[p.length];
      model.gradient(new double[] {0.4, -1.1, 0.7, 0.4, -1.1, 0.7}, 0, new double[] {0.3, 0.9, 0.1, 0.3, 0.9, 0.1}, 0, 2, two);
      for (int i = 0; i < p.length; i++) {
        assertEquals(2 * one[i], two[i], 1e-12 * Math.max(1, Math.abs(one[i])), name + " batch " + i);
      }
    }
  }
}
