package io.gradgen.onnx;

import static io.gradgen.onnx.UnsupportedGraphTest.assertNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.onnx.nets.AllActivationsNetModel;
import io.gradgen.onnx.nets.RegressionNetModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export's slopes name LEAKY_RELU layers; any other name is a mistake, refused with the layers meant. */
class ExportSlopesTest {
  static String refused(io.gradgen.NetworkLayout layout, Map<String, Double> slopes) {
    return assertThrows(IllegalArgumentException.class, () -> OnnxExport.toOnnx(layout,
        new double[layout.parameterCount()], List.of(), List.of(), new OnnxExport.Options(13, slopes))).getMessage();
  }

  @Test
  void theSlopeOfTheLeakyLayerIsWritten() {
    io.gradgen.NetworkLayout layout = new AllActivationsNetModel().layout();
    OnnxModel m = OnnxExport.toOnnx(layout, new double[layout.parameterCount()], List.of(), List.of(),
        new OnnxExport.Options(13, Map.of("leaky", 0.2)));
    OnnxModel.Node node = m.graph().nodes().stream().filter(n -> n.opType().equals("LeakyRelu")).findFirst().get();
    assertEquals(0.2f, node.attributes().get("alpha").f());
  }

  @Test
  void aMisspeltLayerIsRefusedWithTheLeakyLayers() {
    String m = refused(new AllActivationsNetModel().layout(), Map.of("leaky", 0.2, "leakey", 0.1));
    assertNames(m, "'leakey' (--slope leakey=0.1)", "the model has no layer 'leakey'", "LEAKY_RELU layers are leaky");
  }

  @Test
  void aLayerOfAnotherActivationIsRefused() {
    String m = refused(new AllActivationsNetModel().layout(), Map.of("leaky", 0.2, "relu", 0.1));
    assertNames(m, "layer 'relu' is RELU, not LEAKY_RELU", "LEAKY_RELU layers are leaky");
  }

  @Test
  void aSlopeForAModelWithoutLeakyLayersIsRefused() {
    assertNames(refused(new RegressionNetModel().layout(), Map.of("hidden", 0.2)), "the model has no LEAKY_RELU layer");
  }
}
