package io.gradgen.processor.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.processor.model.LayerSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The built-in activations' registry entries against their textbook definitions (PyTorch's, for
 * the newer ones), written out here independently: the value, and the derivative that the scalar
 * gate rules derive from the entry's body, over a grid and at the extremes.
 */
class ActivationsTest {
  private static final double SLOPE = 0.2;
  private static final double GELU_C = Math.sqrt(2 / Math.PI);

  private record Definition(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {}

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static final Map<Activation, Definition> DEFINITIONS = Map.of(
      Activation.SIGMOID, new Definition(ActivationsTest::sigmoid, z -> sigmoid(z) * (1 - sigmoid(z))),
      Activation.TANH, new Definition(Math::tanh, z -> 1 - Math.tanh(z) * Math.tanh(z)),
      Activation.RELU, new Definition(z -> Math.max(0, z), z -> z > 0 ? 1 : 0),
      Activation.LEAKY_RELU, new Definition(z -> z > 0 ? z : SLOPE * z, z -> z > 0 ? 1 : SLOPE),
      Activation.ELU, new Definition(z -> z > 0 ? z : Math.expm1(z), z -> z > 0 ? 1 : Math.exp(z)),
      Activation.GELU, new Definition(
          z -> 0.5 * z * (1 + Math.tanh(GELU_C * (z + 0.044715 * z * z * z))),
          z -> {
            double u = Math.tanh(GELU_C * (z + 0.044715 * z * z * z));
            return 0.5 * (1 + u) + 0.5 * z * (1 - u * u) * GELU_C * (1 + 3 * 0.044715 * z * z);
          }),
      Activation.SILU, new Definition(z -> z * sigmoid(z), z -> sigmoid(z) * (1 + z * (1 - sigmoid(z)))),
      Activation.SOFTPLUS, new Definition(z -> z > 30 ? z : Math.log1p(Math.exp(z)), ActivationsTest::sigmoid),
      Activation.HARD_SIGMOID, new Definition(
          z -> Math.max(0, Math.min(1, z / 6 + 0.5)), z -> z > -3 && z < 3 ? 1.0 / 6 : 0));

  private static ElementFunction entry(Activation a) {
    return Activations.of(new LayerSpec("h", 1, a, Bias.NONE, "", SLOPE), Map.of());
  }

  @Test
  void everyElementWiseActivationHasAnEntryAndADefinitionHere() {
    EnumSet<Activation> expected = EnumSet.allOf(Activation.class);
    expected.removeAll(List.of(Activation.IDENTITY, Activation.SOFTMAX, Activation.CUSTOM));
    assertEquals(expected, EnumSet.copyOf(Activations.builtIns()));
    assertEquals(expected, EnumSet.copyOf(DEFINITIONS.keySet()));
  }

  @Test
  void valuesAndDerivedDerivativesMatchTheDefinitions() {
    for (Activation a : Activations.builtIns()) {
      ElementFunction f = entry(a);
      ElementFunction vjp = f.vectorJacobian(0);
      Definition d = DEFINITIONS.get(a);
      for (double z = -8; z <= 8; z += 0.0625) {
        double value = f.apply(z);
        assertEquals(d.f().applyAsDouble(z), value, 1e-12 * Math.max(1, Math.abs(value)), a + " at " + z);
        double slope = vjp.apply(1.0, z, value);
        assertEquals(d.derivative().applyAsDouble(z), slope, 1e-12, a + "′ at " + z);
      }
    }
  }

  @Test
  void farFromZeroEveryValueAndDerivativeIsFinite() {
    for (Activation a : Activations.builtIns()) {
      ElementFunction f = entry(a);
      for (double z : new double[] {-800, -40, 40, 800}) {
        double value = f.apply(z);
        double slope = f.vectorJacobian(0).apply(1.0, z, value);
        assertTrue(Double.isFinite(value) && Double.isFinite(slope), a + " at " + z + ": " + value + ", " + slope);
        assertEquals(d(a).applyAsDouble(z), slope, 1e-12, a + "′ at " + z);
      }
    }
  }

  private static DoubleUnaryOperator d(Activation a) {
    return DEFINITIONS.get(a).derivative();
  }

  @Test
  void anInfiniteUpstreamGradientReachesOnlyTheBranchTaken() {
    // Where f′ = 0 on a flat piece, up = ∞ must give 0, not ∞·0 = NaN.
    assertEquals(0.0, entry(Activation.RELU).vectorJacobian(0).apply(Double.POSITIVE_INFINITY, -1.0, 0.0));
    assertEquals(0.0, entry(Activation.HARD_SIGMOID).vectorJacobian(0).apply(Double.POSITIVE_INFINITY, 5.0, 1.0));
    assertEquals(Double.POSITIVE_INFINITY,
        entry(Activation.ELU).vectorJacobian(0).apply(Double.POSITIVE_INFINITY, 800.0, 800.0));
  }

  @Test
  void aCustomSwishIsDifferentiatedInItsStableFormAndStaysFiniteAtTheExtremes() {
    io.gradgen.processor.graph.Graph g = new io.gradgen.processor.graph.Graph();
    io.gradgen.processor.graph.Node z = g.node(io.gradgen.processor.graph.Op.VAR, List.of(), 0.0, 0);
    // z / (1 + e^−z), as a user writes it.
    io.gradgen.processor.graph.Node body = g.div(z, g.add(g.constant(1.0),
        g.node(io.gradgen.processor.graph.Op.EXP, g.neg(z))));
    ElementFunction swish = new ElementFunction("swish", "swish(z)", g, body, List.of("z"));
    for (double at : new double[] {-1000, -40, 0, 40, 1000}) {
      double value = swish.apply(at);
      double slope = swish.vectorJacobian(0).apply(1.0, at, value);
      assertEquals(DEFINITIONS.get(Activation.SILU).derivative().applyAsDouble(at), slope, 1e-12, "swish′ at " + at);
    }
  }

  @Test
  void sigmoidAndTanhDerivativesReadTheOutputInsteadOfRecomputingIt() {
    for (Activation a : List.of(Activation.SIGMOID, Activation.TANH)) {
      ElementFunction vjp = entry(a).vectorJacobian(0);
      assertFalse(vjp.reads(1), a + "′ does not read z");
      assertTrue(vjp.reads(2), a + "′ reads its output");
    }
  }
}
