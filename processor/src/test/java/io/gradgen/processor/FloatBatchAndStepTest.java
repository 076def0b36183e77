package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.Loss;
import io.gradgen.processor.testing.CoverageNetworks;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link BatchAndStepTest} in float: the fused training step and the batch forms of every coverage
 * network generated with {@code precision = Precision.FLOAT}, straight-line and loops, agree with
 * the single-sample methods they stand for, to float accuracy.
 */
class FloatBatchAndStepTest {
  private static final int ROWS = 5;

  private static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static float[] targets(Loss loss, Random r, int n) {
    float[] t = new float[n];
    float sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = (float) r.nextDouble();
      sum += t[i];
    }
    if (loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
      for (int i = 0; i < n; i++) {
        t[i] /= sum;
      }
    }
    return t;
  }

  /** Float carries 24 bits: sums over a few rows agree to about 1e−6 relative; allow 1e−5. */
  private static void assertClose(double expected, float actual, String what) {
    assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), what);
  }

  private static Supplier<DifferentiableFloatModel> straightLine(CoverageNetworks.Case c) {
    return () -> CoverageNetworks.compiledAsFloats().floatModel("floats." + c.name() + "Model");
  }

  private static Supplier<DifferentiableFloatModel> loops(CoverageNetworks.Case c) {
    return () -> CoverageNetworks.compiledAsFloatLoops().floatModel("floatloops." + c.name() + "Model");
  }

  @TestFactory
  Stream<DynamicTest> stepsAndBatchesAgreeWithSingleSamples() {
    return CoverageNetworks.CASES.stream().flatMap(c -> Stream.of(
        DynamicTest.dynamicTest(c.name() + " straight-line", () -> check(c, straightLine(c))),
        DynamicTest.dynamicTest(c.name() + " loops", () -> check(c, loops(c)))));
  }

  private static void check(CoverageNetworks.Case c, Supplier<DifferentiableFloatModel> models) {
    Random r = new Random(c.name().hashCode());
    DifferentiableFloatModel a = models.get();
    DifferentiableFloatModel b = models.get();
    float[] p = random(r, a.parameterCount());
    int in = a.inputCount();
    int out = a.outputCount();
    // Rows stored after a 3-element prefix, to exercise the offsets.
    float[] xs = new float[3 + ROWS * in];
    float[] ts = new float[2 + ROWS * out];
    for (int n = 0; n < ROWS; n++) {
      System.arraycopy(random(r, in), 0, xs, 3 + n * in, in);
      System.arraycopy(targets(c.loss(), r, out), 0, ts, 2 + n * out, out);
    }

    // Batch predict = predict of each row.
    a.parameters().copyFrom(p);
    float[] ys = new float[1 + ROWS * out];
    a.predict(xs, 3, ys, 1, ROWS);
    for (int n = 0; n < ROWS; n++) {
      float[] y = new float[out];
      a.predict(Arrays.copyOfRange(xs, 3 + n * in, 3 + (n + 1) * in), y);
      for (int j = 0; j < out; j++) {
        assertClose(y[j], ys[1 + n * out + j], "row " + n + " output " + j);
      }
    }

    // Batch gradient = sum of the rows' gradients, and its loss the sum of theirs.
    float[] batch = new float[p.length];
    float batchLoss = a.gradient(xs, 3, ts, 2, ROWS, batch);
    float[] summed = new float[p.length];
    float summedLoss = 0;
    for (int n = 0; n < ROWS; n++) {
      summedLoss += a.gradient(Arrays.copyOfRange(xs, 3 + n * in, 3 + (n + 1) * in),
          Arrays.copyOfRange(ts, 2 + n * out, 2 + (n + 1) * out), summed);
    }
    assertClose(summedLoss, batchLoss, "batch loss");
    for (int i = 0; i < p.length; i++) {
      assertClose(summed[i], batch[i], "batch ∂E/∂" + a.parameterName(i));
    }

    // Fused step = gradient, then p − η·g.
    float rate = 0.05f;
    float[] x = Arrays.copyOfRange(xs, 3, 3 + in);
    float[] t = Arrays.copyOfRange(ts, 2, 2 + out);
    b.parameters().copyFrom(p);
    float[] g = new float[p.length];
    float loss = a.gradient(x, t, g);
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
      DifferentiableFloatModel model = loops(c).get();
      DifferentiableFloatModel stepped = loops(c).get();
      Random r = new Random(3);
      float[] p = random(r, model.parameterCount());
      model.parameters().copyFrom(p);
      int rows = 150;
      int in = model.inputCount();
      int out = model.outputCount();
      float[] xs = random(r, rows * in);
      float[] ts = new float[rows * out];
      for (int n = 0; n < rows; n++) {
        System.arraycopy(targets(c.loss(), r, out), 0, ts, n * out, out);
      }
      float[] batch = new float[model.parameterCount()];
      float loss = model.gradient(xs, 0, ts, 0, rows, batch);
      float[] summed = new float[model.parameterCount()];
      double summedLoss = 0;
      float[] ys = new float[rows * out];
      model.predict(xs, 0, ys, 0, rows);
      for (int n = 0; n < rows; n++) {
        float[] x = Arrays.copyOfRange(xs, n * in, (n + 1) * in);
        summedLoss += model.gradient(x, Arrays.copyOfRange(ts, n * out, (n + 1) * out), summed);
        float[] y = new float[out];
        model.predict(x, y);
        for (int j = 0; j < out; j++) {
          assertClose(y[j], ys[n * out + j], c.name() + " row " + n + " output " + j);
        }
      }
      // 150 rows summed in float, in another order: the sums agree to 1e−4 of their size.
      assertEquals(summedLoss, loss, 1e-4 * Math.max(1, Math.abs(summedLoss)), c.name() + " loss of 150 rows");
      for (int i = 0; i < batch.length; i++) {
        assertEquals(summed[i], batch[i], 1e-4 * Math.max(1, Math.abs(summed[i])),
            c.name() + " ∂E/∂" + model.parameterName(i) + " over 150 rows");
      }
      stepped.parameters().copyFrom(p);
      float rate = 0.05f;
      assertEquals(loss / rows, stepped.trainStep(xs, 0, ts, 0, rows, rate), 1e-4 * Math.max(1, Math.abs(loss / rows)),
          c.name() + " mean loss of the 150-row step");
      for (int i = 0; i < p.length; i++) {
        assertClose(p[i] - rate * batch[i] / rows, stepped.parameters().get(i),
            c.name() + " 150-row step, " + stepped.parameterName(i));
      }
    }
  }

  /** The defaults of DifferentiableFloatModel give the same numbers, so make sure the tests above ran generated code. */
  @Test
  void generatedModelsImplementTheBatchFormsThemselves() throws NoSuchMethodException {
    for (DifferentiableFloatModel model :
        List.of(straightLine(CoverageNetworks.CASES.get(0)).get(), loops(CoverageNetworks.CASES.get(0)).get())) {
      Class<?> type = model.getClass();
      type.getDeclaredMethod("predict", float[].class, int.class, float[].class, int.class, int.class);
      type.getDeclaredMethod("gradient", float[].class, int.class, float[].class, int.class, int.class, float[].class);
      type.getDeclaredMethod("trainStep", float[].class, int.class, float[].class, int.class, int.class, float.class);
    }
  }

  @Test
  void batchArgumentsAreChecked() {
    DifferentiableFloatModel model = straightLine(CoverageNetworks.CASES.get(0)).get();
    int in = model.inputCount();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new float[2 * in], 1, new float[100], 0, 2));
    assertEquals("xs needs " + (1 + 2 * in) + " elements for 2 rows of " + in + " from offset 1, but has " + 2 * in,
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.predict(new float[in], -1, new float[100], 0, 1));
    e = assertThrows(IllegalArgumentException.class,
        () -> model.trainStep(new float[in], 0, new float[100], 0, 0, 0.1f));
    assertEquals("count must be at least 1, but is 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.gradient(new float[in], 0, new float[100], 0, 1, new float[model.parameterCount() + 1]));
    assertEquals("grad has length " + (model.parameterCount() + 1) + ", expected " + model.parameterCount(),
        e.getMessage());
  }
}
