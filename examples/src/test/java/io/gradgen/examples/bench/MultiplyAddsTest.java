package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.examples.SeedNetModel;
import org.junit.jupiter.api.Test;

/** The multiply-adds per call against counts made by hand, and the networks the table reads them from. */
class MultiplyAddsTest {
  private static Benchmarks.Operation operation(String suffix) {
    return Benchmarks.OPERATIONS.stream().filter(o -> o.methodSuffix().equals(suffix)).findFirst().orElseThrow();
  }

  @Test
  void seedNetworkCountedByHand() {
    // 2-2-2 forward: hidden 2 units × 2 inputs = 4, output 2 × 2 = 4 → 8.
    assertEquals(8, MultiplyAdds.forward(2, 2, 2));
    // gradient: forward 8, δ down through the output layer only (2·2 = 4), one per weight (8) → 20.
    assertEquals(20, MultiplyAdds.gradient(2, 2, 2));
    assertEquals(20, MultiplyAdds.perCall(operation("TrainStep"), 2, 2, 2), "the update is not counted");
    assertEquals(64 * 8, MultiplyAdds.perCall(operation("BatchPredict"), 2, 2, 2));
    assertEquals(64 * 20, MultiplyAdds.perCall(operation("BatchGradient"), 2, 2, 2));
    assertEquals(64 * 20, MultiplyAdds.perCall(operation("BatchTrainStep"), 2, 2, 2));
  }

  @Test
  void widerAndDeeperNetworksCountedByHand() {
    // 4-8-3: 4·8 + 8·3 = 32 + 24 = 56 forward; gradient 56 + 24 (δ down to the hidden layer) + 56 = 136.
    assertEquals(56, MultiplyAdds.forward(4, 8, 3));
    assertEquals(136, MultiplyAdds.gradient(4, 8, 3));
    // 3-5-4-2: 15 + 20 + 8 = 43 forward; δ goes down through the two upper layers: 20 + 8 = 28; 43 + 28 + 43 = 114.
    assertEquals(43, MultiplyAdds.forward(3, 5, 4, 2));
    assertEquals(114, MultiplyAdds.gradient(3, 5, 4, 2));
    // one layer: nothing is sent below it, so the gradient is forward plus the weight gradient.
    assertEquals(12, MultiplyAdds.gradient(3, 2));
  }

  @Test
  void mnistSizedNetworkIsTheDocumentedHundredThousand() {
    // 784·128 + 128·10 = 100,352 + 1,280 (PERF-NOTES: ≈ 101.6 k multiply-adds forward)
    assertEquals(101_632, MultiplyAdds.forward(784, 128, 10));
    assertEquals(101_632 + 1_280 + 101_632, MultiplyAdds.gradient(784, 128, 10));
  }

  @Test
  void theGeneratedModelsLayoutGivesTheSameCount() {
    assertEquals(8, MultiplyAdds.perCall(operation("Predict"), new SeedNetModel().layout()));
  }

  @Test
  void everyBenchmarkedNetworkOfTheTableHasItsLayoutAndPrecision() {
    for (Benchmarks.Network network : Benchmarks.NETWORKS) {
      if (network.targetSpeedUp() <= 0) {
        continue;
      }
      MultiplyAdds.Work work = MultiplyAdds.work(network).orElseThrow(() -> new AssertionError(network.name()));
      StringBuilder sizes = new StringBuilder().append(work.layout().inputs());
      work.layout().layers().forEach(l -> sizes.append('-').append(l.units()));
      assertTrue(network.name().startsWith(sizes + " ") || network.name().equals(sizes.toString()),
          network.name() + " is " + sizes);
      assertEquals(network.name().contains("f32"), work.isFloat(), network.name());
    }
    assertTrue(MultiplyAdds.work(Benchmarks.NETWORKS.stream()
        .filter(n -> n.name().equals("2-2-2 checks")).findFirst().orElseThrow()).isEmpty(),
        "a comparison benchmark has no network of its own");
  }
}
