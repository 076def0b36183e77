package io.gradgen.examples;

import static io.gradgen.examples.SeedExample.INPUTS;
import static io.gradgen.examples.SeedExample.PARAMETERS;
import static io.gradgen.examples.SeedExample.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Model;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every number of the worked 2-2-2 network of docs/SEEDS.md §3, to 1e−9. Forward values, losses and the
 * parameter gradients come from generated code; the table's local partials (∂E/∂out, ∂out/∂l) are
 * computed here from generated outputs, and the generated ∂E/∂w5 and ∂E/∂w1 are checked to be
 * exactly their chain-rule products.
 */
class SeedNetworkTest {
  private static final double TOLERANCE = 1e-9;

  private static double[] predict(Model model, int parameters) {
    double[] p = model.parameters().toArray();
    System.arraycopy(PARAMETERS, 0, p, 0, parameters);
    model.parameters().copyFrom(p);
    double[] y = new double[model.outputCount()];
    model.predict(INPUTS, y);
    return y;
  }

  @Test
  void hiddenLogits() {
    double[] l = predict(new SeedSubNetworks_HiddenLogitsModel(), 5);
    assertEquals(0.385, l[0], TOLERANCE, "l_h1");
    assertEquals(0.400, l[1], TOLERANCE, "l_h2");
  }

  @Test
  void hiddenOutputs() {
    double[] out = predict(new SeedSubNetworks_HiddenModel(), 5);
    assertEquals(0.595078474, out[0], TOLERANCE, "out_h1");
    assertEquals(0.598687660, out[1], TOLERANCE, "out_h2");
  }

  @Test
  void outputLogits() {
    double[] l = predict(new SeedSubNetworks_OutputLogitsModel(), 10);
    assertEquals(0.8583102995, l[0], TOLERANCE, "l_o1");
    assertEquals(0.9179986062, l[1], TOLERANCE, "l_o2");
  }

  @Test
  void outputsAndLosses() {
    SeedNetModel model = SeedExample.model();
    double[] out = new double[2];
    model.predict(INPUTS, out);
    assertEquals(0.702307507, out[0], TOLERANCE, "out_o1");
    assertEquals(0.714634132, out[1], TOLERANCE, "out_o2");
    assertEquals(0.096867268, model.loss(INPUTS, TARGETS), TOLERANCE, "E_total");
    // A target equal to the output contributes nothing, which isolates each output's loss.
    assertEquals(0.010906536, model.loss(INPUTS, new double[] {TARGETS[0], out[1]}), TOLERANCE, "E_o1");
    assertEquals(0.085960731, model.loss(INPUTS, new double[] {out[0], TARGETS[1]}), TOLERANCE, "E_o2");
  }

  @Test
  void outputLayerGradientAndUpdate() {
    SeedExample.Result r = SeedExample.run();
    double outH1 = predict(new SeedSubNetworks_HiddenModel(), 5)[0];
    double dEdOut = r.outputs()[0] - TARGETS[0];
    double dOutDl = r.outputs()[0] * (1 - r.outputs()[0]);
    assertEquals(-0.147692493, dEdOut, TOLERANCE, "∂E/∂out_o1");
    assertEquals(0.209071672, dOutDl, TOLERANCE, "∂out_o1/∂l_o1");
    assertEquals(-0.018375021, r.gradient()[5], TOLERANCE, "∂E/∂w5");
    // The generated ∂E/∂w5 is the chain-rule product of the table: ∂E/∂out · ∂out/∂l · out_h1.
    assertEquals(dEdOut * dOutDl * outH1, r.gradient()[5], 1e-15, "∂E/∂w5 as a product");
    assertEquals(0.268375021, r.updated()[5], TOLERANCE, "updated w5");
  }

  @Test
  void hiddenLayerGradientAndUpdate() {
    SeedExample.Result r = SeedExample.run();
    double[] outH = predict(new SeedSubNetworks_HiddenModel(), 5);
    double[] w = PARAMETERS;
    // δ_o = ∂E/∂l_o, read off the generated gradient: ∂E/∂w5 = δ_o1·out_h1, ∂E/∂w7 = δ_o2·out_h1.
    double deltaO1 = r.gradient()[5] / outH[0];
    double deltaO2 = r.gradient()[7] / outH[0];
    double fromO1 = deltaO1 * w[5];
    double fromO2 = deltaO2 * w[7];
    assertEquals(-0.007719579, fromO1, TOLERANCE, "∂E_o1/∂out_h1");
    assertEquals(0.025367174, fromO2, TOLERANCE, "∂E_o2/∂out_h1");
    assertEquals(0.017647595, fromO1 + fromO2, TOLERANCE, "∂E/∂out_h1 (fan-out sums)");
    assertEquals(0.240960084, outH[0] * (1 - outH[0]), TOLERANCE, "∂out_h1/∂l_h1");
    assertEquals(0.000425237, r.gradient()[0], TOLERANCE, "∂E/∂w1");
    assertEquals((fromO1 + fromO2) * outH[0] * (1 - outH[0]) * INPUTS[0], r.gradient()[0], 1e-15, "∂E/∂w1 as a product");
    assertEquals(0.049574763, r.updated()[0], TOLERANCE, "updated w1");
  }

  @Test
  void theSharedBiasesCollectTheGradientsOfEveryNeuronTheyFeed() {
    SeedExample.Result r = SeedExample.run();
    double[] outH = predict(new SeedSubNetworks_HiddenModel(), 5);
    // ∂E/∂b2 = δ_o1 + δ_o2, and ∂E/∂w = δ·input for each weight of the layer.
    double deltaO1 = r.gradient()[5] / outH[0];
    double deltaO2 = r.gradient()[7] / outH[0];
    assertEquals(deltaO1 + deltaO2, r.gradient()[9], 1e-15, "∂E/∂b2");
    double deltaH1 = r.gradient()[0] / INPUTS[0];
    double deltaH2 = r.gradient()[2] / INPUTS[0];
    assertEquals(deltaH1 + deltaH2, r.gradient()[4], 1e-15, "∂E/∂b1");
  }

  @Test
  void theParameterLayoutFollowsTheExamplesNumbering() {
    SeedNetModel model = SeedExample.model();
    String[] names = new String[model.parameterCount()];
    for (int i = 0; i < names.length; i++) {
      names[i] = model.parameterName(i);
    }
    assertEquals(
        Arrays.asList(
            "hidden.w[0][0]", "hidden.w[0][1]", "hidden.w[1][0]", "hidden.w[1][1]", "hidden.b",
            "output.w[0][0]", "output.w[0][1]", "output.w[1][0]", "output.w[1][1]", "output.b"),
        Arrays.asList(names));
  }
}
