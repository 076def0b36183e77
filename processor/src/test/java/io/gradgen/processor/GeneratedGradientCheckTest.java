package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Declarations.Layer;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated gradient equals central finite differences of the generated loss, to a relative
 * error below 1e−6, on networks covering every valid output activation × loss × bias combination,
 * with every hidden activation, one to three layers and widths one to four.
 */
class GeneratedGradientCheckTest {
  private static final double TOLERANCE = 1e-6;
  private static final Activation[] HIDDEN = {
    Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU
  };

  /** One generated network and how to draw its targets. */
  private record Case(String name, int inputs, List<Layer> layers, Loss loss) {}

  private static final List<Case> CASES = cases();
  private static CompiledModels compiled;

  @BeforeAll
  static void compileAll() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Case c : CASES) {
      sources.add(Declarations.file("fd", c.name(), c.inputs(), c.layers(), c.loss()));
    }
    compiled = CompiledModels.compile(sources);
  }

  private static List<Case> cases() {
    Random random = new Random(20261123);
    List<Case> cases = new ArrayList<>();
    int n = 0;
    for (Activation output : Activation.values()) {
      for (Loss loss : Loss.values()) {
        if (!valid(output, loss)) {
          continue;
        }
        for (Bias bias : Bias.values()) {
          int depth = 1 + n % 3;
          List<Layer> layers = new ArrayList<>();
          for (int i = 0; i < depth - 1; i++) {
            Activation hidden = HIDDEN[(n + i) % HIDDEN.length];
            Bias hiddenBias = Bias.values()[(n + i + 1) % Bias.values().length];
            layers.add(new Layer("h" + i, 1 + random.nextInt(4), hidden, hiddenBias));
          }
          int minOutputs = output == Activation.SOFTMAX ? 2 : 1;
          layers.add(new Layer("out", minOutputs + random.nextInt(5 - minOutputs), output, bias));
          cases.add(new Case("Net" + n + "_" + output + "_" + loss + "_" + bias, 1 + random.nextInt(4), layers, loss));
          n++;
        }
      }
    }
    return cases;
  }

  private static boolean valid(Activation output, Loss loss) {
    return switch (loss) {
      case BINARY_CROSS_ENTROPY -> output == Activation.SIGMOID;
      case CATEGORICAL_CROSS_ENTROPY -> output == Activation.SOFTMAX;
      default -> true;
    };
  }

  @TestFactory
  Stream<DynamicTest> everyGradientMatchesFiniteDifferences() {
    assertEquals(51, CASES.size(), "17 valid output activation × loss pairs × 3 bias kinds");
    return CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    DifferentiableModel model = compiled.model("fd." + c.name() + "Model");
    Random random = new Random(c.name().hashCode());
    for (int trial = 0; trial < 3; trial++) {
      double[] p = model.parameters();
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextDouble() * 2 - 1;
      }
      double[] x = new double[model.inputCount()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble() * 4 - 2;
      }
      double[] t = targets(c.loss(), model.outputCount(), random);

      double[] grad = new double[p.length];
      double loss = model.gradient(x, t, grad);
      assertEquals(model.loss(x, t), loss, 0.0, "gradient() returns the same E as loss()");
      for (int i = 0; i < p.length; i++) {
        final int k = i;
        double saved = p[k];
        double estimate =
            FiniteDifferences.derivative(
                theta -> {
                  p[k] = theta;
                  return model.loss(x, t);
                },
                saved);
        p[k] = saved;
        double error = FiniteDifferences.relativeError(grad[k], estimate);
        assertTrue(
            error < TOLERANCE,
            c.name() + " dE/d" + model.parameterName(k) + ": generated " + grad[k]
                + ", finite differences " + estimate + ", relative error " + error);
      }
    }
  }

  /** Targets the loss is defined for: a distribution for softmax, [0, 1] for sigmoid. */
  private static double[] targets(Loss loss, int n, Random random) {
    double[] t = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CATEGORICAL_CROSS_ENTROPY
          ? random.nextDouble()
          : random.nextDouble() * 4 - 2;
      sum += t[i];
    }
    if (loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
      for (int i = 0; i < n; i++) {
        t[i] /= sum;
      }
    }
    return t;
  }
}
