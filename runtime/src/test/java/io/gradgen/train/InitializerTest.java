package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.Loss;
import io.gradgen.Model;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Initializers are seeded, draw from their distributions, and leave biases at 0 by default. */
class InitializerTest {
  /** A parameter holder with a 200-100-10 layout: enough weights to check distributions. */
  private record Holder(NetworkLayout layout, Parameters parameters) implements Model {
    Holder() {
      this(
          NetworkLayout.of(
              200,
              Loss.HALF_SUM_SQUARED_ERROR,
              List.of(
                  new NetworkLayout.Layer("hidden", 100, Activation.RELU, Bias.PER_NEURON),
                  new NetworkLayout.Layer("output", 10, Activation.IDENTITY, Bias.PER_NEURON))));
    }

    Holder(NetworkLayout layout) {
      this(layout, Parameters.flat(layout));
    }

    @Override
    public int inputCount() {
      return 200;
    }

    @Override
    public int outputCount() {
      return 10;
    }

    @Override
    public int parameterCount() {
      return parameters.size();
    }

    @Override
    public void predict(double[] x, double[] y) {
      throw new UnsupportedOperationException();
    }
  }

  private static double[] init(Initializer initializer, long seed) {
    Holder holder = new Holder();
    double[] fortyTwo = new double[holder.parameterCount()];
    Arrays.fill(fortyTwo, 42);
    holder.parameters().copyFrom(fortyTwo);
    initializer.initialize(holder, seed);
    return holder.parameters().toArray();
  }

  private static double[] weights(double[] p, DenseLayout layer) {
    return Arrays.copyOfRange(p, layer.firstWeight(), layer.firstBias());
  }

  private static double[] biases(double[] p, DenseLayout layer) {
    return Arrays.copyOfRange(p, layer.firstBias(), layer.end());
  }

  private static double variance(double[] v) {
    double mean = Arrays.stream(v).average().orElseThrow();
    return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
  }

  private final DenseLayout hidden = new Holder().layout().layers().get(0);

  @Test
  void theSameSeedGivesTheSameParameters() {
    for (Initializer i : List.of(Initializer.uniform(), Initializer.xavier(), Initializer.he())) {
      assertArrayEquals(init(i, 5), init(i, 5), 0.0);
      assertFalse(Arrays.equals(init(i, 5), init(i, 6)));
    }
  }

  @Test
  void uniformWeightsLieInZeroOneAndBiasesAreZero() {
    double[] p = init(Initializer.uniform(), 1);
    double[] w = weights(p, hidden);
    assertTrue(Arrays.stream(w).allMatch(x -> x >= 0 && x < 1));
    assertEquals(0.5, Arrays.stream(w).average().orElseThrow(), 0.01);
    assertArrayEquals(new double[100], biases(p, hidden), 0.0);
  }

  @Test
  void seedsSection4StartsBiasesInZeroOneToo() {
    double[] b = biases(init(new UniformInitializer(0, 1, true), 1), hidden);
    assertTrue(Arrays.stream(b).allMatch(x -> x >= 0 && x < 1));
    assertTrue(Arrays.stream(b).anyMatch(x -> x > 0));
  }

  @Test
  void xavierIsUniformWithinItsLimit() {
    double limit = Math.sqrt(6.0 / (200 + 100));
    double[] w = weights(init(Initializer.xavier(), 1), hidden);
    assertTrue(Arrays.stream(w).allMatch(x -> Math.abs(x) <= limit));
    assertEquals(limit * limit / 3, variance(w), 0.03 * limit * limit / 3, "uniform variance a²/3");
  }

  @Test
  void heHasVarianceTwoOverFanIn() {
    double[] w = weights(init(Initializer.he(), 1), hidden);
    assertEquals(2.0 / 200, variance(w), 0.03 * 2.0 / 200);
    assertEquals(0, Arrays.stream(w).average().orElseThrow(), 0.002);
    assertArrayEquals(new double[100], biases(init(Initializer.he(), 1), hidden), 0.0);
  }
}
