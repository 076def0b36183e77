package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flat parameter layout: weights row by row, then biases, layer after layer. */
class NetworkLayoutTest {
  private static final NetworkLayout SEED =
      NetworkLayout.of(
          2,
          Loss.HALF_SUM_SQUARED_ERROR,
          List.of(
              new NetworkLayout.Layer("hidden", 2, Activation.SIGMOID, Bias.SHARED),
              new NetworkLayout.Layer("output", 2, Activation.SIGMOID, Bias.SHARED)));

  @Test
  void theSeedNetworkHasTenParametersInTheExamplesOrder() {
    assertEquals(10, SEED.parameterCount());
    assertEquals("hidden.w[0][0]", SEED.parameterName(0));
    assertEquals("hidden.w[1][0]", SEED.parameterName(2));
    assertEquals("hidden.b", SEED.parameterName(4));
    assertEquals("output.w[0][1]", SEED.parameterName(6));
    assertEquals("output.b", SEED.parameterName(9));
    assertEquals(5, SEED.layers().get(1).weightIndex(0, 0));
    assertEquals(2, SEED.outputs());
  }

  @Test
  void biasesAreToldFromWeights() {
    assertTrue(SEED.isBias(4));
    assertTrue(SEED.isBias(9));
    assertFalse(SEED.isBias(3));
    assertFalse(SEED.isBias(5));
    assertEquals("output", SEED.layerOf(7).name());
  }

  @Test
  void perNeuronBiasesAreNumberedAndNoBiasHasNone() {
    NetworkLayout layout =
        NetworkLayout.of(
            3,
            Loss.MEAN_SQUARED_ERROR,
            List.of(
                new NetworkLayout.Layer("a", 2, Activation.TANH, Bias.PER_NEURON),
                new NetworkLayout.Layer("b", 1, Activation.IDENTITY, Bias.NONE)));
    assertEquals(6 + 2 + 2, layout.parameterCount());
    assertEquals("a.b[1]", layout.parameterName(7));
    assertEquals("b.w[0][1]", layout.parameterName(9));
  }

  @Test
  void theFingerprintNamesTheArchitecture() {
    assertEquals(
        "inputs=2;hidden:2,SIGMOID,SHARED;output:2,SIGMOID,SHARED;loss=HALF_SUM_SQUARED_ERROR",
        SEED.fingerprint());
    NetworkLayout otherLoss =
        NetworkLayout.of(
            2,
            Loss.MEAN_SQUARED_ERROR,
            List.of(
                new NetworkLayout.Layer("hidden", 2, Activation.SIGMOID, Bias.SHARED),
                new NetworkLayout.Layer("output", 2, Activation.SIGMOID, Bias.SHARED)));
    assertNotEquals(SEED, otherLoss);
  }

  @Test
  void badIndicesAndShapesAreRejectedWithTheirValues() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> SEED.parameterName(10));
    assertEquals("parameter index 10 is outside 0..9", e.getMessage());
    IllegalArgumentException units =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetworkLayout.of(1, Loss.SUM_SQUARED_ERROR,
                List.of(new NetworkLayout.Layer("x", 0, Activation.IDENTITY, Bias.NONE))));
    assertEquals("layer 'x' must have at least 1 unit, but has 0", units.getMessage());
  }

  @Test
  void parameterCountsPastAJavaArrayAreRefusedNotWrappedAround() {
    // 65,536 × 65,536 weights = 2^32, which int arithmetic would wrap to 0.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkLayout.of(65_536,
        Loss.HALF_SUM_SQUARED_ERROR, List.of(new NetworkLayout.Layer("h", 65_536, Activation.IDENTITY, Bias.NONE))));
    assertEquals("layer 'h' takes the parameter count to 4294967296, more than a Java array holds (2147483639)",
        e.getMessage());
    // The largest layout that fits is accepted (nothing is allocated for it).
    assertEquals(2_147_483_639, NetworkLayout.of(1, Loss.HALF_SUM_SQUARED_ERROR,
        List.of(new NetworkLayout.Layer("h", 2_147_483_639, Activation.IDENTITY, Bias.NONE))).parameterCount());
  }
}
