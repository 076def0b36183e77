package io.gradgen.processor.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.TypeShape;
import io.gradgen.processor.testing.Goldens;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tensor graph of the worked 2-2-2 network (SEEDS.md §3), evaluated by the reference
 * interpreter: its loss and gradients are the seed's numbers, and its dump is a golden file.
 */
class NetworkIrTest {
  static NetworkSpec seed() {
    return new NetworkSpec("seed", List.of("SeedNet"), TypeShape.plainInterface(), 2,
        List.of(new LayerSpec("hidden", 2, Activation.SIGMOID, Bias.SHARED),
            new LayerSpec("output", 2, Activation.SIGMOID, Bias.SHARED)),
        Loss.HALF_SUM_SQUARED_ERROR);
  }

  private static TensorInterpreter atSeedValues(NetworkIr ir) {
    Map<Tensor, double[]> values = new HashMap<>();
    values.put(ir.x(), new double[] {0.10, 0.20});
    values.put(ir.t(), new double[] {0.85, 0.30});
    NetworkIr.Layer hidden = ir.layers().get(0);
    NetworkIr.Layer output = ir.layers().get(1);
    values.put(hidden.weights(), new double[] {0.05, 0.15, 0.10, 0.20});
    values.put(hidden.bias().orElseThrow(), new double[] {0.35});
    values.put(output.weights(), new double[] {0.25, 0.35, 0.30, 0.40});
    values.put(output.bias().orElseThrow(), new double[] {0.50});
    return new TensorInterpreter(values);
  }

  @Test
  void theSeedNetworksLossAndGradientsAreTheSeedsNumbers() {
    NetworkIr ir = NetworkIr.of(seed());
    TensorInterpreter at = atSeedValues(ir);
    double[] out = at.value(ir.output());
    assertEquals(0.702307507, out[0], 1e-9, "out_o1");
    assertEquals(0.714634132, out[1], 1e-9, "out_o2");
    assertEquals(0.096867268, at.scalar(ir.loss()), 1e-9, "E_total");
    double[] dHidden = at.value(ir.backprop().parameterGradients().get(0));
    double[] dOutput = at.value(ir.backprop().parameterGradients().get(2));
    assertEquals(-0.018375021, dOutput[0], 1e-9, "∂E/∂w5");
    assertEquals(0.000425237, dHidden[0], 1e-9, "∂E/∂w1");
  }

  @Test
  void theSeedNetworksGraphBeforeAndAfterDifferentiationIsTheGoldenDump() {
    NetworkIr ir = NetworkIr.of(seed());
    Map<String, Tensor> forward = new LinkedHashMap<>();
    forward.put("output", ir.output());
    forward.put("E", ir.loss());
    Goldens.assertMatches(NetworkIrTest.class, "SeedNetForward.ir", IrPrinter.print(ir.graph(), forward));
    Map<String, Tensor> all = new LinkedHashMap<>(forward);
    List<String> names = List.of("dE/dhidden_w", "dE/dhidden_b", "dE/doutput_w", "dE/doutput_b");
    for (int i = 0; i < names.size(); i++) {
      all.put(names.get(i), ir.backprop().parameterGradients().get(i));
    }
    Goldens.assertMatches(NetworkIrTest.class, "SeedNetDifferentiated.ir", IrPrinter.print(ir.graph(), all));
  }
}
