package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Layer names from ONNX weight names are Java names, and no two layers share one. */
class JavaNamesTest {
  @Test
  void namesComeFromTheWeights() {
    assertEquals("fc1", JavaNames.layerName("fc1.weight", 0, Set.of()));
    assertEquals("layer0", JavaNames.layerName("0.weight", 0, Set.of()));
  }

  @Test
  void aWeightNameThatIsNoJavaNameFallsBackToTheLayersNumber() {
    // "class" is a keyword
    assertEquals("dense2", JavaNames.layerName("class.weight", 1, Set.of("fc1")));
  }

  @Test
  void theFallbackSkipsANameAnEarlierLayerTook() {
    // the first layer's weight was "dense2.weight"; the second's fallback "dense2" is taken
    assertEquals("dense3", JavaNames.layerName("class.weight", 1, Set.of("dense2")));
    assertEquals("dense4", JavaNames.layerName("dense2.weight", 1, Set.of("dense2", "dense3")));
  }
}
