package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Generated models, double and float, print the layer table. */
class ModelSummaryExamplesTest {
  /** IrisNet 4-8-3: 4·8 + 8 = 40 and 8·3 + 3 = 27 parameters, 67 in all (56 weights, 11 biases). */
  @Test
  void aGeneratedModelPrintsItsLayers() {
    String summary = new IrisNetModel().summary();
    assertTrue(summary.startsWith("IrisNetModel: 4 inputs → 3 outputs, loss CATEGORICAL_CROSS_ENTROPY\n"), summary);
    assertTrue(summary.contains("hidden      8  TANH        PER_NEURON          40\n"), summary);
    assertTrue(summary.contains("output      3  SOFTMAX     PER_NEURON          27\n"), summary);
    assertTrue(summary.endsWith("total parameters: 67 (56 weights, 11 biases)\n"), summary);
  }

  /** DigitsNet 64-32-10: 64·32 + 32 = 2,080 and 32·10 + 10 = 330. */
  @Test
  void aLoopModelToo() {
    String summary = new DigitsNetModel().summary();
    assertEquals("total parameters: 2,410 (2,368 weights, 42 biases)", summary.lines().reduce((a, b) -> b).orElseThrow());
  }

  /** The float 4-8-3: 4·8 + 8 = 40 and 8·3 + 3 = 27. */
  @Test
  void aFloatModelToo() {
    String summary = new io.gradgen.examples.bench.FloatNets_Net4x8x3Model().summary();
    assertTrue(summary.startsWith("FloatNets_Net4x8x3Model: 4 inputs → 3 outputs"), summary);
    assertTrue(summary.endsWith("total parameters: 67 (56 weights, 11 biases)\n"), summary);
  }
}
