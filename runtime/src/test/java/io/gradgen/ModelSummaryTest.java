package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.testing.LinearModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Keras-like layer table: per layer name, units, activation, bias, parameters; then totals. */
class ModelSummaryTest {
  /** 4-8-3: hidden 4·8 + 8 = 40, output 8·3 + 3 = 27; 32 + 24 = 56 weights and 8 + 3 = 11 biases. */
  @Test
  void theTableListsEveryLayerAndTheTotals() {
    NetworkLayout layout =
        NetworkLayout.of(4, Loss.CATEGORICAL_CROSS_ENTROPY, List.of(
            new NetworkLayout.Layer("hidden", 8, Activation.TANH, Bias.PER_NEURON),
            new NetworkLayout.Layer("output", 3, Activation.SOFTMAX, Bias.PER_NEURON)));
    assertEquals(
        "IrisNetModel: 4 inputs → 3 outputs, loss CATEGORICAL_CROSS_ENTROPY\n"
            + "layer   units  activation  bias        parameters\n"
            + "─".repeat(49) + "\n"
            + "input       4\n"
            + "hidden      8  TANH        PER_NEURON          40\n"
            + "output      3  SOFTMAX     PER_NEURON          27\n"
            + "─".repeat(49) + "\n"
            + "total parameters: 67 (56 weights, 11 biases)\n",
        ModelSummary.of("IrisNetModel", layout).toString());
  }

  @Test
  void everyModelHasASummary() {
    String summary = new LinearModel(3, true, 1, 2, 3, 4).summary();
    assertEquals("LinearModel: 3 inputs → 1 outputs, loss SUM_SQUARED_ERROR", summary.lines().findFirst().orElseThrow());
    assertEquals("total parameters: 4 (3 weights, 1 biases)", summary.lines().reduce((a, b) -> b).orElseThrow());
  }
}
