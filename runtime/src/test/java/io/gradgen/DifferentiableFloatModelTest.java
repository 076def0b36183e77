package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The default batch forms of {@link DifferentiableFloatModel}, on a hand-written model that has only
 * the single-sample methods: batch predict and gradient equal the per-row calls, the mini-batch
 * step is the mean gradient step, and bad batch arguments are rejected like the double ones.
 */
class DifferentiableFloatModelTest {
  private static final int INPUTS = 3;
  private static final int OUTPUTS = 2;
  private static final int ROWS = 4;

  /** y = W·x + b with E = ½Σ(y − t)², on by-column storage, read through the flat view only. */
  private static final class Affine implements DifferentiableFloatModel {
    private final NetworkLayout layout = NetworkLayout.of(INPUTS, Loss.HALF_SUM_SQUARED_ERROR,
        List.of(new NetworkLayout.Layer("y", OUTPUTS, Activation.IDENTITY, Bias.PER_NEURON)));
    private final DenseLayout layer = layout.layers().get(0);
    private final FloatParameters parameters = FloatParameters.byColumn(layout);

    @Override
    public int inputCount() {
      return INPUTS;
    }

    @Override
    public int outputCount() {
      return OUTPUTS;
    }

    @Override
    public int parameterCount() {
      return parameters.size();
    }

    @Override
    public FloatParameters parameters() {
      return parameters;
    }

    @Override
    public NetworkLayout layout() {
      return layout;
    }

    private float output(float[] x, int unit) {
      float y = parameters.get(layer.firstBias() + unit);
      for (int k = 0; k < INPUTS; k++) {
        y += parameters.get(layer.weightIndex(unit, k)) * x[k];
      }
      return y;
    }

    @Override
    public void predict(float[] x, float[] y) {
      for (int j = 0; j < OUTPUTS; j++) {
        y[j] = output(x, j);
      }
    }

    @Override
    public float loss(float[] x, float[] target) {
      return gradient(x, target, new float[parameterCount()]);
    }

    @Override
    public float gradient(float[] x, float[] target, float[] gradient) {
      float loss = 0;
      for (int j = 0; j < OUTPUTS; j++) {
        float e = output(x, j) - target[j];
        loss += 0.5f * e * e;
        for (int k = 0; k < INPUTS; k++) {
          gradient[layer.weightIndex(j, k)] += e * x[k];
        }
        gradient[layer.firstBias() + j] += e;
      }
      return loss;
    }

    @Override
    public float trainStep(float[] x, float[] target, float learningRate) {
      throw new UnsupportedOperationException("not used by the batch forms");
    }
  }

  private static float[] random(SplittableRandom r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextDouble(-1, 1);
    }
    return a;
  }

  private static Affine model(SplittableRandom r) {
    Affine model = new Affine();
    model.parameters().copyFrom(random(r, model.parameterCount()));
    return model;
  }

  @Test
  void batchPredictAndGradientEqualThePerRowCalls() {
    SplittableRandom r = new SplittableRandom(1);
    Affine model = model(r);
    // Rows after a prefix, to exercise the offsets.
    float[] xs = random(r, 3 + ROWS * INPUTS);
    float[] ts = random(r, 2 + ROWS * OUTPUTS);
    float[] ys = new float[1 + ROWS * OUTPUTS];
    model.predict(xs, 3, ys, 1, ROWS);
    float[] batch = new float[model.parameterCount()];
    float batchLoss = model.gradient(xs, 3, ts, 2, ROWS, batch);
    float[] summed = new float[model.parameterCount()];
    float summedLoss = 0;
    for (int n = 0; n < ROWS; n++) {
      float[] x = Arrays.copyOfRange(xs, 3 + n * INPUTS, 3 + (n + 1) * INPUTS);
      float[] y = new float[OUTPUTS];
      model.predict(x, y);
      assertArrayEquals(y, Arrays.copyOfRange(ys, 1 + n * OUTPUTS, 1 + (n + 1) * OUTPUTS), 0f, "row " + n);
      summedLoss += model.gradient(x, Arrays.copyOfRange(ts, 2 + n * OUTPUTS, 2 + (n + 1) * OUTPUTS), summed);
    }
    assertEquals(summedLoss, batchLoss, 0f);
    assertArrayEquals(summed, batch, 0f);
    assertEquals(0f, ys[0], 0f, "nothing written before the offset");
  }

  @Test
  void theMiniBatchStepMovesByTheMeanGradientAndReturnsTheMeanLoss() {
    SplittableRandom r = new SplittableRandom(2);
    Affine model = model(r);
    float[] xs = random(r, ROWS * INPUTS);
    float[] ts = random(r, ROWS * OUTPUTS);
    float[] before = model.parameters().toArray();
    float[] g = new float[before.length];
    float loss = model.gradient(xs, 0, ts, 0, ROWS, g);
    float rate = 0.1f;
    assertEquals(loss / ROWS, model.trainStep(xs, 0, ts, 0, ROWS, rate), 0f);
    float scale = rate / ROWS;
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i] - scale * g[i], model.parameters().get(i), 0f, model.parameterName(i));
    }
  }

  @Test
  void batchArgumentsAreChecked() {
    Affine model = model(new SplittableRandom(3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new float[2 * INPUTS], 1, new float[100], 0, 2));
    assertEquals("xs needs 7 elements for 2 rows of 3 from offset 1, but has 6", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.gradient(new float[INPUTS], -1, new float[OUTPUTS], 0, 1, new float[8]));
    assertEquals("xs offset must not be negative, but is -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.gradient(new float[INPUTS], 0, new float[OUTPUTS], 0, -1, new float[8]));
    assertEquals("count must not be negative, but is -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> model.trainStep(new float[INPUTS], 0, new float[OUTPUTS], 0, 0, 0.1f));
    assertEquals("count must be at least 1, but is 0", e.getMessage());
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> model.predict(new float[INPUTS], 0, null, 0, 1));
    assertEquals("ys", npe.getMessage());
  }
}
