package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A float model's parameters: the flat view reads and writes exactly the storage element it names,
 * in flat and in by-column storage, and maps every index to the same block and element as the
 * double {@link Parameters}.
 */
class FloatParametersTest {
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

  /** One live storage element: the very array slot a flat index maps to. */
  private record Element(float[] block, int offset) {
    float get() {
      return block[offset];
    }

    void set(float value) {
      block[offset] = value;
    }
  }

  /**
   * The storage element of every flat index of by-column {@code p}, found from the layout and the
   * block accessors alone: weight w[unit][input] is {@code column(layer, input)[unit]}, bias u is
   * {@code biases(layer)[u]}. Fails if an index is claimed twice or not at all.
   */
  private static Element[] elements(FloatParameters p) {
    NetworkLayout layout = p.layout();
    Element[] elements = new Element[p.size()];
    for (int l = 0; l < layout.layers().size(); l++) {
      DenseLayout layer = layout.layers().get(l);
      for (int unit = 0; unit < layer.units(); unit++) {
        for (int input = 0; input < layer.inputs(); input++) {
          int index = layer.weightIndex(unit, input);
          assertNull(elements[index], "index " + index + " claimed twice");
          elements[index] = new Element(p.column(l, input), unit);
        }
      }
      for (int u = 0; u < layer.biasCount(); u++) {
        int index = layer.firstBias() + u;
        assertNull(elements[index], "index " + index + " claimed twice");
        elements[index] = new Element(p.biases(l), u);
      }
    }
    for (int i = 0; i < elements.length; i++) {
      assertTrue(elements[i] != null, "index " + i + " (" + layout.parameterName(i) + ") has no storage element");
    }
    return elements;
  }

  private static float[] distinct(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((i + 1) + random.nextDouble());
    }
    return values;
  }

  private static List<FloatParameters> bothStorages() {
    return List.of(FloatParameters.byColumn(MIXED), FloatParameters.flat(MIXED));
  }

  @Test
  void theMixedLayoutHasTheExpectedShape() {
    assertEquals(SIZE, MIXED.parameterCount());
    assertEquals(SIZE, FloatParameters.byColumn(MIXED).size());
    assertEquals(SIZE, FloatParameters.flat(MIXED).size());
    assertSame(MIXED, FloatParameters.byColumn(MIXED).layout());
    assertTrue(FloatParameters.flat(MIXED).isFlat());
    assertFalse(FloatParameters.byColumn(MIXED).isFlat());
  }

  @Test
  void everyFlatIndexWrittenBySetIsReadByGetToArrayAndItsStorageElementOnly() {
    for (int i = 0; i < SIZE; i++) {
      FloatParameters p = FloatParameters.byColumn(MIXED);
      Element[] elements = elements(p);
      float value = 100 + i + 0.25f;
      p.set(i, value);
      String name = MIXED.parameterName(i);
      assertEquals(value, p.get(i), 0f, name);
      assertEquals(value, elements[i].get(), 0f, name + " in its storage element");
      float[] expected = new float[SIZE];
      expected[i] = value;
      assertArrayEquals(expected, p.toArray(), 0f, "set(" + i + ") wrote only " + name);
      for (int j = 0; j < SIZE; j++) {
        assertEquals(j == i ? value : 0f, p.get(j), 0f, "get(" + j + ") after set(" + i + ")");
      }
      int nonZero = 0;
      for (int b = 0; b < p.blockCount(); b++) {
        for (float v : p.block(b)) {
          nonZero += v != 0 ? 1 : 0;
        }
      }
      assertEquals(1, nonZero, "set(" + i + ") wrote exactly one storage element");
    }
  }

  @Test
  void everyStorageElementWrittenDirectlyIsReadByGetAndToArray() {
    FloatParameters p = FloatParameters.byColumn(MIXED);
    Element[] elements = elements(p);
    float[] values = distinct(SIZE, 1);
    for (int i = 0; i < SIZE; i++) {
      elements[i].set(values[i]);
    }
    assertArrayEquals(values, p.toArray(), 0f);
    for (int i = 0; i < SIZE; i++) {
      assertEquals(values[i], p.get(i), 0f, MIXED.parameterName(i));
    }
  }

  @Test
  void everyIndexLivesInTheSameBlockAndElementAsInTheDoubleParameters() {
    for (boolean byColumn : new boolean[] {true, false}) {
      for (int i = 0; i < SIZE; i++) {
        FloatParameters f = byColumn ? FloatParameters.byColumn(MIXED) : FloatParameters.flat(MIXED);
        Parameters d = byColumn ? Parameters.byColumn(MIXED) : Parameters.flat(MIXED);
        assertEquals(d.blockCount(), f.blockCount());
        f.set(i, 1f);
        d.set(i, 1.0);
        for (int b = 0; b < f.blockCount(); b++) {
          assertEquals(d.block(b).length, f.block(b).length, "block " + b);
          for (int e = 0; e < f.block(b).length; e++) {
            assertEquals(d.block(b)[e], f.block(b)[e], 0.0,
                (byColumn ? "by column" : "flat") + ", " + MIXED.parameterName(i) + ": block " + b + " element " + e);
          }
        }
      }
    }
  }

  @Test
  void theFlatViewFollowsTheLayoutOrder() {
    // Spot checks by name, independent of elements(): a.w[1][2], a.b[3], the shared bias b.b, c.w[1][0].
    FloatParameters p = FloatParameters.byColumn(MIXED);
    p.copyFrom(distinct(SIZE, 2));
    float[] flat = p.toArray();
    assertEquals("a.w[1][2]", MIXED.parameterName(5));
    assertEquals(flat[5], p.column(0, 2)[1], 0f);
    assertEquals(flat[5], p.columns(0)[2][1], 0f);
    assertEquals("a.b[3]", MIXED.parameterName(15));
    assertEquals(flat[15], p.biases(0)[3], 0f);
    assertEquals("b.b", MIXED.parameterName(28));
    assertEquals(flat[28], p.biases(1)[0], 0f);
    assertEquals("c.w[1][0]", MIXED.parameterName(32));
    assertEquals(flat[32], p.column(2, 0)[1], 0f);
  }

  @Test
  void columnsAreTheLiveColumnBlocks() {
    FloatParameters p = FloatParameters.byColumn(MIXED);
    for (int l = 0; l < MIXED.layers().size(); l++) {
      float[][] columns = p.columns(l);
      assertEquals(MIXED.layers().get(l).inputs(), columns.length);
      for (int k = 0; k < columns.length; k++) {
        assertSame(p.column(l, k), columns[k], "layer " + l + " column " + k);
      }
    }
    assertNotSame(p.columns(0), p.columns(0), "a new outer array each time");
  }

  @Test
  void copyFromThenCopyToGivesTheSourceBack() {
    float[] source = distinct(SIZE, 3);
    for (FloatParameters p : bothStorages()) {
      String what = p.isFlat() ? "flat" : "by column";
      p.copyFrom(source);
      float[] target = new float[SIZE];
      p.copyTo(target);
      assertArrayEquals(source, target, 0f, what);
      assertArrayEquals(source, p.toArray(), 0f, what);
      for (int i = 0; i < SIZE; i++) {
        assertEquals(source[i], p.get(i), 0f, what + ", " + MIXED.parameterName(i));
      }
    }
    FloatParameters byColumn = FloatParameters.byColumn(MIXED);
    byColumn.copyFrom(source);
    Element[] elements = elements(byColumn);
    for (int i = 0; i < SIZE; i++) {
      assertEquals(source[i], elements[i].get(), 0f, "copyFrom wrote " + MIXED.parameterName(i) + " into its element");
    }
    FloatParameters flat = FloatParameters.flat(MIXED);
    flat.copyFrom(byColumn.toArray());
    assertArrayEquals(source, flat.block(0), 0f, "flat storage is the flat view");
  }

  @Test
  void toArrayIsACopy() {
    FloatParameters p = FloatParameters.byColumn(MIXED);
    float[] copy = p.toArray();
    copy[0] = 1;
    assertEquals(0f, p.get(0), 0f);
    assertNotSame(p.toArray(), p.toArray());
  }

  @Test
  void byColumnHasOneBlockPerInputOfEveryLayerAndOnePerBias() {
    FloatParameters p = FloatParameters.byColumn(MIXED);
    assertEquals((3 + 1) + (4 + 1) + 3, p.blockCount());
    int b = 0;
    int total = 0;
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
    assertEquals(1, FloatParameters.flat(MIXED).blockCount());
    assertEquals(SIZE, FloatParameters.flat(MIXED).block(0).length);
    assertThrows(IndexOutOfBoundsException.class, () -> p.block(p.blockCount()));
    assertThrows(IndexOutOfBoundsException.class, () -> p.column(0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> p.column(3, 0));
  }

  @Test
  void wrongLengthsAreRejectedNamingTheExpectedAndActualLength() {
    for (FloatParameters p : bothStorages()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> p.copyFrom(new float[SIZE - 1]));
      assertEquals("source has length 34, expected 35", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> p.copyTo(new float[SIZE + 1]));
      assertEquals("target has length 36, expected 35", e.getMessage());
      assertArrayEquals(new float[SIZE], p.toArray(), 0f, "a rejected copy writes nothing");
      NullPointerException npe = assertThrows(NullPointerException.class, () -> p.copyFrom(null));
      assertEquals("source", npe.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatParameters.flat(MIXED, new float[3]));
    assertEquals("storage has length 3, expected 35", e.getMessage());
    assertThrows(NullPointerException.class, () -> FloatParameters.flat(MIXED, null));
  }

  @Test
  void indicesOutsideTheFlatViewAreRejectedNamingTheRange() {
    for (FloatParameters p : bothStorages()) {
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> p.get(-1));
      assertEquals("parameter index -1 is outside 0..34", e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> p.get(SIZE));
      assertThrows(IndexOutOfBoundsException.class, () -> p.set(SIZE, 1));
    }
  }

  @Test
  void flatStorageHasNoColumnsOrBiasBlocks() {
    FloatParameters p = FloatParameters.flat(MIXED);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.column(0, 0));
    assertEquals("the parameters are stored flat, not by column", e.getMessage());
    assertThrows(IllegalStateException.class, () -> p.columns(0));
    assertThrows(IllegalStateException.class, () -> p.biases(0));
  }

  @Test
  void aLayerWithoutBiasHasNoBiasBlock() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> FloatParameters.byColumn(MIXED).biases(2));
    assertEquals("layer 'c' has no bias", e.getMessage());
  }

  @Test
  void flatOverACallersArrayIsLive() {
    float[] storage = new float[SIZE];
    FloatParameters p = FloatParameters.flat(MIXED, storage);
    assertTrue(p.isFlat());
    assertSame(storage, p.block(0));
    for (int i = 0; i < SIZE; i++) {
      storage[i] = i + 0.5f;
      assertEquals(i + 0.5f, p.get(i), 0f, "a write to the storage is seen by get");
      p.set(i, -i - 0.75f);
      assertEquals(-i - 0.75f, storage[i], 0f, "set writes the storage");
    }
    float[] source = distinct(SIZE, 4);
    p.copyFrom(source);
    assertArrayEquals(source, storage, 0f, "copyFrom writes the storage");
    storage[7] = 42;
    assertEquals(42f, p.toArray()[7], 0f);
  }

  @Test
  void bothStoragesStartAtZero() {
    for (FloatParameters p : bothStorages()) {
      assertArrayEquals(new float[SIZE], p.toArray(), 0f);
    }
  }
}
