package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableModel;
import io.gradgen.examples.SeedNetModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each hand-written baseline computes what the generated model computes — outputs, loss and every
 * gradient component to 1e-12 of max(1, |value|), on random parameters, inputs and targets — so that the
 * benchmarks compare two implementations of the same math.
 */
class BaselineEquivalenceTest {
  private static final double TOLERANCE = 1e-12;
  private static final int CASES = 25;

  /** A baseline seen through the two methods the benchmarks call. */
  private interface BaselineFactory {
    HandWrittenNet create(double[] parameters);
  }

  /**
   * Within 1e-12 of max(1, |value|). The generated loops add four products at a time and the
   * baseline one, so a value that cancels to near 0 keeps an error of order 1e-16 of its O(1)
   * terms: a relative tolerance alone would fail on it.
   */
  private static void assertClose(double expected, double actual, String what) {
    double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
    assertTrue(
        Math.abs(expected - actual) <= TOLERANCE * scale,
        what + ": generated " + expected + ", baseline " + actual);
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
  }

  /** Random targets: uniform in [0, 1) for ½·SSE; a random distribution (sums to 1) for softmax. */
  private static double[] target(int n, boolean distribution, SplittableRandom random) {
    double[] t = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = random.nextDouble();
      sum += t[i];
    }
    if (distribution) {
      if (random.nextBoolean()) {
        java.util.Arrays.fill(t, 0.0);
        t[random.nextInt(n)] = 1.0;
      } else {
        for (int i = 0; i < n; i++) {
          t[i] /= sum;
        }
      }
    }
    return t;
  }

  private static void check(
      DifferentiableModel model, BaselineFactory factory, boolean softmax, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = model.parameterCount();
    for (int c = 0; c < CASES; c++) {
      String name = model.getClass().getSimpleName() + " case " + c;
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = random.nextDouble(-1.0, 1.0);
      }
      model.parameters().copyFrom(p);
      HandWrittenNet baseline = factory.create(p);
      double[] x = new double[model.inputCount()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble(-2.0, 2.0);
      }
      double[] t = target(model.outputCount(), softmax, random);

      double[] yGenerated = new double[model.outputCount()];
      double[] yBaseline = new double[model.outputCount()];
      model.predict(x, yGenerated);
      baseline.predict(x, yBaseline);
      assertClose(yGenerated, yBaseline, name + " predict");

      // gradient adds into its array: start both from the same non-zero values
      double[] gGenerated = new double[n];
      for (int i = 0; i < n; i++) {
        gGenerated[i] = random.nextDouble(-1.0, 1.0);
      }
      double[] gBaseline = gGenerated.clone();
      double eGenerated = model.gradient(x, t, gGenerated);
      double eBaseline = baseline.gradient(x, t, gBaseline);
      assertClose(eGenerated, eBaseline, name + " loss");
      assertClose(model.loss(x, t), eBaseline, name + " loss()");
      assertClose(gGenerated, gBaseline, name + " gradient");

      // the benchmarked training step, three times: the parameters stay equal
      for (int step = 0; step < 3; step++) {
        java.util.Arrays.fill(gBaseline, 0.0);
        assertClose(baseline.gradient(x, t, gBaseline), model.trainStep(x, t, BenchData.LEARNING_RATE),
            name + " loss of step " + step);
        BenchData.sgdUpdate(baseline.parameters(), gBaseline);
      }
      // The fused step rounds (η·δ)·in, the baseline η·(δ·in): see assertClose.
      assertClose(model.parameters().toArray(), baseline.parameters(), name + " parameters after 3 steps");
    }
  }

  @Test
  void seedNet222BaselineMatchesTheGeneratedModel() {
    check(new SeedNetModel(), p -> new HandWrittenSigmoidNet(2, 2, 2, p), false, 1);
  }

  @Test
  void net483BaselineMatchesTheGeneratedModel() {
    check(
        new Net4x8x3Model(),
        p -> new HandWrittenSoftmaxNet(HandWrittenSoftmaxNet.Hidden.TANH, 4, 8, 3, p),
        true,
        2);
  }

  @Test
  void net64x32x10BaselineMatchesTheGeneratedModel() {
    check(
        new Net64x32x10Model(),
        p -> new HandWrittenSoftmaxNet(HandWrittenSoftmaxNet.Hidden.RELU, 64, 32, 10, p),
        true,
        3);
  }

  @Test
  void net784x128x10BaselineMatchesTheGeneratedModel() {
    check(
        new Net784x128x10Model(),
        p -> new HandWrittenSoftmaxNet(HandWrittenSoftmaxNet.Hidden.RELU, 784, 128, 10, p),
        true,
        4);
  }
}
