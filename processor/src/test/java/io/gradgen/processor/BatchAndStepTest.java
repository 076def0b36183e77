package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.processor.testing.CoverageNetworks;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fused training step and the batch forms of every coverage network, straight-line and loops,
 * agree with the single-sample methods they stand for.
 */
class BatchAndStepTest {
  private static final int ROWS = 5;

  private static double[] random(Random r, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextDouble() * 2 - 1;
    }
    return a;
  }

  private static double[] targets(Loss loss, Random r, int n) {
    double[] t = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = r.nextDouble();
      sum += t[i];
    }
    if (loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
      for (int i = 0; i < n; i++) {
        t[i] /= sum;
      }
    }
    return t;
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  @TestFactory
  Stream<DynamicTest> stepsAndBatchesAgreeWithSingleSamples() {
    return CoverageNetworks.CASES.stream().flatMap(c -> Stream.of(
        DynamicTest.dynamicTest(c.name() + " straight-line",
            () -> check(c, () -> CoverageNetworks.compiled().model(c.qualifiedModelName()))),
        DynamicTest.dynamicTest(c.name() + " loops",
            () -> check(c, () -> CoverageNetworks.compiledAsLoops().model("loops." + c.name() + "Model")))));
  }

  /**
   * Batch predict and gradient equal the per-row calls, the fused step equals gradient-then-update
   * and the mini-batch step the mean-gradient update, for two fresh models of case {@code c}.
   */
  static void check(CoverageNetworks.Case c, java.util.function.Supplier<DifferentiableModel> models) {
    Random r = new Random(c.name().hashCode());
    DifferentiableModel a = models.get();
    DifferentiableModel b = models.get();
    double[] p = random(r, a.parameterCount());
    int in = a.inputCount();
    int out = a.outputCount();
    // Rows stored after a 3-element prefix, to exercise the offsets.
    double[] xs = new double[3 + ROWS * in];
    double[] ts = new double[2 + ROWS * out];
    for (int n = 0; n < ROWS; n++) {
      System.arraycopy(random(r, in), 0, xs, 3 + n * in, in);
      System.arraycopy(targets(c.loss(), r, out), 0, ts, 2 + n * out, out);
    }

    // Batch predict = predict of each row.
    a.parameters().copyFrom(p);
    double[] ys = new double[1 + ROWS * out];
    a.predict(xs, 3, ys, 1, ROWS);
    for (int n = 0; n < ROWS; n++) {
      double[] y = new double[out];
      a.predict(java.util.Arrays.copyOfRange(xs, 3 + n * in, 3 + (n + 1) * in), y);
      for (int j = 0; j < out; j++) {
        assertClose(y[j], ys[1 + n * out + j], "row " + n + " output " + j);
      }
    }

    // Batch gradient = sum of the rows' gradients, and its loss the sum of theirs.
    double[] batch = new double[p.length];
    double batchLoss = a.gradient(xs, 3, ts, 2, ROWS, batch);
    double[] summed = new double[p.length];
    double summedLoss = 0;
    for (int n = 0; n < ROWS; n++) {
      summedLoss += a.gradient(java.util.Arrays.copyOfRange(xs, 3 + n * in, 3 + (n + 1) * in),
          java.util.Arrays.copyOfRange(ts, 2 + n * out, 2 + (n + 1) * out), summed);
    }
    assertClose(summedLoss, batchLoss, "batch loss");
    for (int i = 0; i < p.length; i++) {
      assertClose(summed[i], batch[i], "batch ∂E/∂" + a.parameterName(i));
    }

    // Fused step = gradient, then p − η·g.
    double rate = 0.05;
    double[] x = java.util.Arrays.copyOfRange(xs, 3, 3 + in);
    double[] t = java.util.Arrays.copyOfRange(ts, 2, 2 + out);
    b.parameters().copyFrom(p);
    double[] g = new double[p.length];
    double loss = a.gradient(x, t, g);
    assertClose(loss, b.trainStep(x, t, rate), "loss of the step");
    for (int i = 0; i < p.length; i++) {
      assertClose(p[i] - rate * g[i], b.parameters().get(i), "fused step, " + b.parameterName(i));
    }

    // Mini-batch step = p − η·(mean gradient).
    b.parameters().copyFrom(p);
    assertClose(batchLoss / ROWS, b.trainStep(xs, 3, ts, 2, ROWS, rate), "mean loss of the mini-batch step");
    for (int i = 0; i < p.length; i++) {
      assertClose(p[i] - rate * batch[i] / ROWS, b.parameters().get(i), "mini-batch step, " + b.parameterName(i));
    }
  }

  /** Loop models take a batch 64 rows at a time: 150 rows cross two chunk boundaries. */
  @Test
  void batchesLongerThanAChunkAgree() {
    for (CoverageNetworks.Case c : CoverageNetworks.CASES.subList(0, 12)) {
      checkLongBatch(c, CoverageNetworks.compiledAsLoops().model("loops." + c.name() + "Model"));
    }
  }

  /** 150 rows, across two 64-row chunk boundaries: batch predict and gradient equal the per-row calls. */
  static void checkLongBatch(CoverageNetworks.Case c, DifferentiableModel model) {
    Random r = new Random(3);
    model.parameters().copyFrom(random(r, model.parameterCount()));
    int rows = 150;
    int in = model.inputCount();
    int out = model.outputCount();
    double[] xs = random(r, rows * in);
    double[] ts = new double[rows * out];
    for (int n = 0; n < rows; n++) {
      System.arraycopy(targets(c.loss(), r, out), 0, ts, n * out, out);
    }
    double[] batch = new double[model.parameterCount()];
    double loss = model.gradient(xs, 0, ts, 0, rows, batch);
    double[] summed = new double[model.parameterCount()];
    double summedLoss = 0;
    double[] ys = new double[rows * out];
    model.predict(xs, 0, ys, 0, rows);
    for (int n = 0; n < rows; n++) {
      double[] x = java.util.Arrays.copyOfRange(xs, n * in, (n + 1) * in);
      summedLoss += model.gradient(x, java.util.Arrays.copyOfRange(ts, n * out, (n + 1) * out), summed);
      double[] y = new double[out];
      model.predict(x, y);
      for (int j = 0; j < out; j++) {
        assertClose(y[j], ys[n * out + j], c.name() + " row " + n + " output " + j);
      }
    }
    assertClose(summedLoss, loss, c.name() + " loss of 150 rows");
    for (int i = 0; i < batch.length; i++) {
      assertClose(summed[i], batch[i], c.name() + " ∂E/∂" + model.parameterName(i) + " over 150 rows");
    }
  }

  @Test
  void batchArgumentsAreChecked() {
    DifferentiableModel model = CoverageNetworks.compiled().model(CoverageNetworks.CASES.get(0).qualifiedModelName());
    int in = model.inputCount();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[2 * in], 1, new double[100], 0, 2));
    assertEquals("xs needs " + (1 + 2 * in) + " elements for 2 rows of " + in + " from offset 1, but has " + 2 * in,
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.predict(new double[in], -1, new double[100], 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> model.trainStep(new double[in], 0, new double[100], 0, 0, 0.1));
  }
}
