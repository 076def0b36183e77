package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.GradientCheck;
import io.gradgen.train.Initializer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientCheck} as a user would call it, one line per model: every example network's
 * generated gradient agrees with finite differences at random points, and the parameters come
 * back unchanged.
 */
class GeneratedGradientSelfCheckTest {
  private static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-2, 2);
    }
    return v;
  }

  private static double[] oneHot(SplittableRandom r, int n) {
    double[] v = new double[n];
    v[r.nextInt(n)] = 1;
    return v;
  }

  private static void checkAtRandomPoints(DifferentiableModel model, boolean classes) {
    SplittableRandom r = new SplittableRandom(11);
    for (int point = 0; point < 5; point++) {
      Initializer.xavier().initialize(model, point);
      double[] before = model.parameters().toArray();
      double[] x = random(r, model.inputCount());
      double[] t = classes ? oneHot(r, model.outputCount()) : random(r, model.outputCount());
      GradientCheck.check(model, x, t).assertBelow(1e-6);
      assertArrayEquals(before, model.parameters().toArray(), 0.0);
    }
  }

  @Test
  void theSeedNetworkInOneLine() {
    GradientCheck.check(SeedExample.model(), SeedExample.INPUTS, SeedExample.TARGETS).assertBelow(1e-6);
  }

  @Test
  void everyExampleNetwork() {
    checkAtRandomPoints(new SeedNetModel(), false);
    checkAtRandomPoints(new XorNetModel(), false);
    checkAtRandomPoints(new IrisNetModel(), true);
    checkAtRandomPoints(new WineNetModel(), true);
    checkAtRandomPoints(new ExtremeNets_CustomSoftplusHuberModel(), false);
    checkAtRandomPoints(new ExtremeNets_SoftmaxHalfSseModel(), true);
  }
}
