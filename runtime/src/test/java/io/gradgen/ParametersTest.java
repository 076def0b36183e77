package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.train.Adam;
import io.gradgen.train.GradientCheck;
import io.gradgen.train.Initializer;
import io.gradgen.train.Momentum;
import io.gradgen.train.Optimizer;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopReason;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingResult;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A model's parameters: the flat view reads and writes exactly the storage element it names, in
 * flat and in by-column storage, and training gives the same bits whichever storage a model uses.
 */
class ParametersTest {
  /** Three layers, one of each bias shape: 3 → 4 (per neuron) → 3 (shared) → 2 (none). */
  private static final NetworkLayout MIXED =
      NetworkLayout.of(
          3,
          Loss.HALF_SUM_SQUARED_ERROR,
          List.of(
              new NetworkLayout.Layer("a", 4, Activation.RELU, Bias.PER_NEURON),
              new NetworkLayout.Layer("b", 3, Activation.TANH, Bias.SHARED),
              new NetworkLayout.Layer("c", 2, Activation.IDENTITY, Bias.NONE)));

  /** 3·4 + 4, 4·3 + 1, 3·2. */
  private static final int SIZE = 16 + 13 + 6;

  /** One live storage element: reads and writes the very array slot a flat index maps to. */
  private record Element(double[] block, int offset) {
    double get() {
      return block[offset];
    }

    void set(double value) {
      block[offset] = value;
    }
  }

  /**
   * The storage element of every flat index of by-column {@code p}, found from the layout and the
   * block accessors alone: weight w[unit][input] is {@code column(layer, input)[unit]}, bias u is
   * {@code biases(layer)[u]}. Fails if an index is claimed twice or not at all.
   */
  private static Element[] elements(Parameters p) {
    NetworkLayout layout = p.layout();
    Element[] elements = new Element[p.size()];
    for (int l = 0; l < layout.layers().size(); l++) {
      DenseLayout layer = layout.layers().get(l);
      for (int unit = 0; unit < layer.units(); unit++) {
        for (int input = 0; input < layer.inputs(); input++) {
          int index = layer.weightIndex(unit, input);
          assertEquals(null, elements[index], "index " + index + " claimed twice");
          elements[index] = new Element(p.column(l, input), unit);
        }
      }
      for (int u = 0; u < layer.biasCount(); u++) {
        int index = layer.firstBias() + u;
        assertEquals(null, elements[index], "index " + index + " claimed twice");
        elements[index] = new Element(p.biases(l), u);
      }
    }
    for (int i = 0; i < elements.length; i++) {
      assertTrue(elements[i] != null, "index " + i + " (" + layout.parameterName(i) + ") has no storage element");
    }
    return elements;
  }

  private static double[] distinct(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i + 1) + random.nextDouble();
    }
    return values;
  }

  @Test
  void theMixedLayoutHasTheExpectedShape() {
    assertEquals(SIZE, MIXED.parameterCount());
    assertEquals(SIZE, Parameters.byColumn(MIXED).size());
    assertEquals(SIZE, Parameters.flat(MIXED).size());
    assertSame(MIXED, Parameters.byColumn(MIXED).layout());
    assertTrue(Parameters.flat(MIXED).isFlat());
    assertFalse(Parameters.byColumn(MIXED).isFlat());
  }

  @Test
  void everyFlatIndexWrittenBySetIsReadByGetToArrayAndItsStorageElement() {
    for (int i = 0; i < SIZE; i++) {
      Parameters p = Parameters.byColumn(MIXED);
      Element[] elements = elements(p);
      double value = 100 + i + 0.25;
      p.set(i, value);
      assertEquals(value, p.get(i), 0.0, MIXED.parameterName(i));
      assertEquals(value, elements[i].get(), 0.0, MIXED.parameterName(i) + " in its storage element");
      double[] expected = new double[SIZE];
      expected[i] = value;
      assertArrayEquals(expected, p.toArray(), 0.0, "set(" + i + ") wrote only " + MIXED.parameterName(i));
      for (int j = 0; j < SIZE; j++) {
        assertEquals(j == i ? value : 0.0, p.get(j), 0.0, "get(" + j + ") after set(" + i + ")");
      }
      int nonZero = 0;
      for (int b = 0; b < p.blockCount(); b++) {
        for (double v : p.block(b)) {
          nonZero += v != 0 ? 1 : 0;
        }
      }
      assertEquals(1, nonZero, "set(" + i + ") wrote exactly one storage element");
    }
  }

  @Test
  void everyStorageElementWrittenDirectlyIsReadByGetAndToArray() {
    Parameters p = Parameters.byColumn(MIXED);
    Element[] elements = elements(p);
    double[] values = distinct(SIZE, 1);
    for (int i = 0; i < SIZE; i++) {
      elements[i].set(values[i]);
    }
    assertArrayEquals(values, p.toArray(), 0.0);
    for (int i = 0; i < SIZE; i++) {
      assertEquals(values[i], p.get(i), 0.0, MIXED.parameterName(i));
    }
  }

  @Test
  void theFlatViewFollowsTheLayoutOrder() {
    // Spot checks by name, independent of elements(): a.w[1][2], the shared bias b.b, c.w[1][0].
    Parameters p = Parameters.byColumn(MIXED);
    p.copyFrom(distinct(SIZE, 2));
    double[] flat = p.toArray();
    assertEquals("a.w[1][2]", MIXED.parameterName(5));
    assertEquals(flat[5], p.column(0, 2)[1], 0.0);
    assertEquals("a.b[3]", MIXED.parameterName(15));
    assertEquals(flat[15], p.biases(0)[3], 0.0);
    assertEquals("b.b", MIXED.parameterName(28));
    assertEquals(flat[28], p.biases(1)[0], 0.0);
    assertEquals("c.w[1][0]", MIXED.parameterName(32));
    assertEquals(flat[32], p.column(2, 0)[1], 0.0);
  }

  @Test
  void copyFromThenCopyToGivesTheSourceBack() {
    double[] source = distinct(SIZE, 3);
    for (Parameters p : List.of(Parameters.byColumn(MIXED), Parameters.flat(MIXED))) {
      p.copyFrom(source);
      double[] target = new double[SIZE];
      p.copyTo(target);
      assertArrayEquals(source, target, 0.0, p.isFlat() ? "flat" : "by column");
      assertArrayEquals(source, p.toArray(), 0.0);
      for (int i = 0; i < SIZE; i++) {
        assertEquals(source[i], p.get(i), 0.0);
      }
    }
    Parameters byColumn = Parameters.byColumn(MIXED);
    byColumn.copyFrom(source);
    Element[] elements = elements(byColumn);
    for (int i = 0; i < SIZE; i++) {
      assertEquals(source[i], elements[i].get(), 0.0, "copyFrom wrote " + MIXED.parameterName(i) + " into its element");
    }
    Parameters flat = Parameters.flat(MIXED);
    flat.copyFrom(byColumn.toArray());
    assertArrayEquals(source, flat.block(0), 0.0, "flat storage is the flat view");
  }

  @Test
  void toArrayIsACopy() {
    Parameters p = Parameters.byColumn(MIXED);
    double[] copy = p.toArray();
    copy[0] = 1;
    assertEquals(0.0, p.get(0), 0.0);
    assertNotSame(p.toArray(), p.toArray());
  }

  @Test
  void byColumnHasOneBlockPerInputOfEveryLayerAndOnePerBias() {
    int expected = 0;
    for (DenseLayout layer : MIXED.layers()) {
      expected += layer.inputs() + (layer.bias() != Bias.NONE ? 1 : 0);
    }
    Parameters p = Parameters.byColumn(MIXED);
    assertEquals(expected, p.blockCount());
    assertEquals((3 + 1) + (4 + 1) + 3, p.blockCount());
    int total = 0;
    int b = 0;
    for (int l = 0; l < MIXED.layers().size(); l++) {
      DenseLayout layer = MIXED.layers().get(l);
      for (int input = 0; input < layer.inputs(); input++) {
        assertEquals(layer.units(), p.block(b).length, "column " + input + " of " + layer.name());
        assertSame(p.column(l, input), p.block(b++));
      }
      if (layer.bias() != Bias.NONE) {
        assertEquals(layer.biasCount(), p.block(b).length, "biases of " + layer.name());
        assertSame(p.biases(l), p.block(b++));
      }
    }
    for (int k = 0; k < p.blockCount(); k++) {
      total += p.block(k).length;
    }
    assertEquals(SIZE, total, "the blocks hold every parameter once");
    assertEquals(1, p.biases(1).length, "a shared bias is one element");
    assertEquals(1, Parameters.flat(MIXED).blockCount());
    assertEquals(SIZE, Parameters.flat(MIXED).block(0).length);
    assertThrows(IndexOutOfBoundsException.class, () -> p.block(p.blockCount()));
    assertThrows(IndexOutOfBoundsException.class, () -> p.column(0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> p.column(3, 0));
  }

  @Test
  void wrongLengthsAreRejectedNamingTheExpectedAndActualLength() {
    for (Parameters p : List.of(Parameters.byColumn(MIXED), Parameters.flat(MIXED))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> p.copyFrom(new double[SIZE - 1]));
      assertEquals("source has length 34, expected 35", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> p.copyTo(new double[SIZE + 1]));
      assertEquals("target has length 36, expected 35", e.getMessage());
      assertArrayEquals(new double[SIZE], p.toArray(), 0.0, "a rejected copy writes nothing");
      assertThrows(NullPointerException.class, () -> p.copyFrom(null));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parameters.flat(MIXED, new double[3]));
    assertEquals("storage has length 3, expected 35", e.getMessage());
    assertThrows(NullPointerException.class, () -> Parameters.flat(MIXED, null));
  }

  @Test
  void indicesOutsideTheFlatViewAreRejected() {
    for (Parameters p : List.of(Parameters.byColumn(MIXED), Parameters.flat(MIXED))) {
      assertThrows(IndexOutOfBoundsException.class, () -> p.get(-1));
      assertThrows(IndexOutOfBoundsException.class, () -> p.get(SIZE));
      assertThrows(IndexOutOfBoundsException.class, () -> p.set(SIZE, 1));
    }
  }

  @Test
  void flatStorageHasNoColumnsOrBiasBlocks() {
    Parameters p = Parameters.flat(MIXED);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.column(0, 0));
    assertEquals("the parameters are stored flat, not by column", e.getMessage());
    assertThrows(IllegalStateException.class, () -> p.biases(0));
  }

  @Test
  void aLayerWithoutBiasHasNoBiasBlock() {
    Parameters p = Parameters.byColumn(MIXED);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.biases(2));
    assertEquals("layer 'c' has no bias", e.getMessage());
  }

  @Test
  void flatOverACallersArrayIsLive() {
    double[] storage = new double[SIZE];
    Parameters p = Parameters.flat(MIXED, storage);
    assertTrue(p.isFlat());
    assertSame(storage, p.block(0));
    for (int i = 0; i < SIZE; i++) {
      storage[i] = i + 0.5;
      assertEquals(i + 0.5, p.get(i), 0.0, "a write to the storage is seen by get");
      p.set(i, -i - 0.75);
      assertEquals(-i - 0.75, storage[i], 0.0, "set writes the storage");
    }
    double[] source = distinct(SIZE, 4);
    p.copyFrom(source);
    assertArrayEquals(source, storage, 0.0, "copyFrom writes the storage");
    storage[7] = 42;
    assertEquals(42, p.toArray()[7], 0.0);
  }

  @Test
  void flatWithoutStorageStartsAtZero() {
    assertArrayEquals(new double[SIZE], Parameters.flat(MIXED).toArray(), 0.0);
    assertArrayEquals(new double[SIZE], Parameters.byColumn(MIXED).toArray(), 0.0);
  }

  /**
   * A hand-written one-layer linear model y = W·x + b with the loss ½Σ(y − t)² and its gradient by
   * hand. It reads its parameters only through the flat view of the {@link Parameters} it is given,
   * so the same code runs on flat and on by-column storage. The bias may be per neuron, shared or
   * absent.
   */
  private static final class Affine implements DifferentiableModel {
    private final NetworkLayout layout;
    private final DenseLayout layer;
    private final Parameters parameters;

    Affine(NetworkLayout layout, Function<NetworkLayout, Parameters> storage) {
      this.layout = layout;
      this.layer = layout.layers().get(0);
      this.parameters = storage.apply(layout);
    }

    static NetworkLayout layout(int inputs, int outputs, Bias bias) {
      return NetworkLayout.of(
          inputs,
          Loss.HALF_SUM_SQUARED_ERROR,
          List.of(new NetworkLayout.Layer("y", outputs, Activation.IDENTITY, bias)));
    }

    @Override
    public int inputCount() {
      return layer.inputs();
    }

    @Override
    public int outputCount() {
      return layer.units();
    }

    @Override
    public int parameterCount() {
      return parameters.size();
    }

    @Override
    public Parameters parameters() {
      return parameters;
    }

    @Override
    public NetworkLayout layout() {
      return layout;
    }

    private int biasIndex(int unit) {
      return layer.firstBias() + (layer.bias() == Bias.SHARED ? 0 : unit);
    }

    private double output(double[] x, int unit) {
      double y = layer.bias() == Bias.NONE ? 0 : parameters.get(biasIndex(unit));
      for (int k = 0; k < layer.inputs(); k++) {
        y += parameters.get(layer.weightIndex(unit, k)) * x[k];
      }
      return y;
    }

    @Override
    public void predict(double[] x, double[] y) {
      for (int j = 0; j < layer.units(); j++) {
        y[j] = output(x, j);
      }
    }

    @Override
    public double loss(double[] x, double[] target) {
      double loss = 0;
      for (int j = 0; j < layer.units(); j++) {
        double e = output(x, j) - target[j];
        loss += 0.5 * e * e;
      }
      return loss;
    }

    @Override
    public double gradient(double[] x, double[] target, double[] gradient) {
      double loss = 0;
      for (int j = 0; j < layer.units(); j++) {
        double e = output(x, j) - target[j];
        loss += 0.5 * e * e;
        for (int k = 0; k < layer.inputs(); k++) {
          gradient[layer.weightIndex(j, k)] += e * x[k];
        }
        if (layer.bias() != Bias.NONE) {
          gradient[biasIndex(j)] += e;
        }
      }
      return loss;
    }
  }

  private static final int INPUTS = 3;
  private static final int OUTPUTS = 2;
  private static final double[][] A = {{1.5, -2, 0.5}, {-0.25, 0.75, 1}};
  private static final double[] C = {0.3, -0.6};

  /** t = scale·A·x + C plus a little noise. */
  private static DataSet data(int n, long seed, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][INPUTS];
    double[][] t = new double[n][OUTPUTS];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < INPUTS; k++) {
        x[i][k] = random.nextDouble(-1, 1);
      }
      for (int j = 0; j < OUTPUTS; j++) {
        t[i][j] = C[j] + 0.01 * random.nextGaussian();
        for (int k = 0; k < INPUTS; k++) {
          t[i][j] += scale * A[j][k] * x[i][k];
        }
      }
    }
    return DataSet.of(x, t);
  }

  private record Run(double[] parameters, TrainingResult result) {}

  private static Run train(
      Bias bias,
      Function<NetworkLayout, Parameters> storage,
      Supplier<Optimizer> optimizer,
      UnaryOperator<Trainer.Builder> mode,
      boolean earlyStopping) {
    Affine model = new Affine(Affine.layout(INPUTS, OUTPUTS, bias), storage);
    Initializer.xavier().initialize(model, 17);
    Trainer.Builder builder = mode.apply(Trainer.builder(optimizer.get())).seed(5);
    TrainingResult result;
    if (earlyStopping) {
      // The validation data wants half the training slope: its loss falls, then rises.
      builder.stopWhen(StopRule.earlyStopping(3, 0), StopRule.maxEpochs(400));
      result = builder.build().fit(model, data(40, 1, 1), data(20, 2, 0.5));
    } else {
      builder.stopWhen(StopRule.maxEpochs(30));
      result = builder.build().fit(model, data(40, 1, 1));
    }
    return new Run(model.parameters().toArray(), result);
  }

  @Test
  void trainingGivesBitIdenticalParametersForFlatAndByColumnStorage() {
    List<Supplier<Optimizer>> optimizers =
        List.of(() -> new Sgd(0.05), () -> Momentum.nesterov(0.02, 0.9), () -> new Adam(0.01));
    List<UnaryOperator<Trainer.Builder>> modes =
        List.of(Trainer.Builder::online, b -> b.miniBatch(7), Trainer.Builder::fullBatch);
    for (Bias bias : Bias.values()) {
      for (int o = 0; o < optimizers.size(); o++) {
        for (int m = 0; m < modes.size(); m++) {
          for (boolean early : new boolean[] {false, true}) {
            String what = bias + ", optimizer " + o + ", mode " + m + (early ? ", early stopping" : "");
            Run flat = train(bias, Parameters::flat, optimizers.get(o), modes.get(m), early);
            Run byColumn = train(bias, Parameters::byColumn, optimizers.get(o), modes.get(m), early);
            assertEquals(flat.parameters().length, byColumn.parameters().length);
            for (int i = 0; i < flat.parameters().length; i++) {
              assertEquals(
                  Double.doubleToRawLongBits(flat.parameters()[i]),
                  Double.doubleToRawLongBits(byColumn.parameters()[i]),
                  what + ": parameter " + i);
            }
            assertArrayEquals(
                flat.result().history().trainingLosses(), byColumn.result().history().trainingLosses(), 0.0, what);
            assertArrayEquals(
                flat.result().history().validationLosses(), byColumn.result().history().validationLosses(), 0.0, what);
            assertEquals(flat.result().reason(), byColumn.result().reason(), what);
            assertEquals(flat.result().iterations(), byColumn.result().iterations(), what);
            assertEquals(flat.result().restoredEpoch(), byColumn.result().restoredEpoch(), what);
            // Not vacuous: training moved the parameters and lowered the loss.
            double[] losses = flat.result().history().trainingLosses();
            assertTrue(losses[losses.length - 1] < losses[0], what + ": the loss fell");
            if (early) {
              // The by-column model gets the restored best weights written back, too.
              assertEquals(StopReason.EARLY_STOPPING, flat.result().reason(), what);
              assertTrue(flat.result().restoredEpoch() >= 1, what);
            }
          }
        }
      }
    }
  }

  @Test
  void theHandWrittenGradientIsExactOnBothStoragesAndTheCheckRestoresEveryBit() {
    double[] x = {0.5, -1.25, 2};
    double[] t = {0.7, -0.2};
    for (Bias bias : Bias.values()) {
      for (Function<NetworkLayout, Parameters> storage :
          List.<Function<NetworkLayout, Parameters>>of(Parameters::flat, Parameters::byColumn)) {
        Affine model = new Affine(Affine.layout(INPUTS, OUTPUTS, bias), storage);
        Initializer.xavier().initialize(model, 3);
        double[] before = model.parameters().toArray();
        GradientCheck.check(model, x, t).assertBelow(1e-8);
        double[] after = model.parameters().toArray();
        for (int i = 0; i < before.length; i++) {
          assertEquals(Double.doubleToRawLongBits(before[i]), Double.doubleToRawLongBits(after[i]));
        }
      }
    }
  }

  @Test
  void theInitializerWritesTheSameFlatViewIntoEitherStorage() {
    Affine flat = new Affine(Affine.layout(INPUTS, OUTPUTS, Bias.PER_NEURON), Parameters::flat);
    Affine byColumn = new Affine(Affine.layout(INPUTS, OUTPUTS, Bias.PER_NEURON), Parameters::byColumn);
    Initializer.xavier().initialize(flat, 9);
    Initializer.xavier().initialize(byColumn, 9);
    assertArrayEquals(flat.parameters().toArray(), byColumn.parameters().toArray(), 0.0);
    assertArrayEquals(flat.parameters().block(0), byColumn.parameters().toArray(), 0.0);
    double[] y1 = new double[OUTPUTS];
    double[] y2 = new double[OUTPUTS];
    flat.predict(new double[] {1, 2, 3}, y1);
    byColumn.predict(new double[] {1, 2, 3}, y2);
    assertArrayEquals(y1, y2, 0.0);
  }
}
