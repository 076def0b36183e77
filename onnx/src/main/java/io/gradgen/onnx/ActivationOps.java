package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.DenseLayout;
import io.gradgen.NetworkLayout;
import io.gradgen.onnx.OnnxModel.Attribute;
import java.util.List;
import java.util.Map;

/** The ONNX ops of each built-in activation, as gradgen's {@code Activation} Javadoc defines it. */
final class ActivationOps {
  private ActivationOps() {}

  /**
   * Fails unless every slope given names a LEAKY_RELU layer of {@code layout}: a slope for a
   * misspelt or other layer would otherwise be ignored without a word.
   */
  static void checkSlopes(NetworkLayout layout, Map<String, Double> slopes) {
    List<String> leaky = layout.layers().stream().filter(d -> d.activation() == Activation.LEAKY_RELU)
        .map(DenseLayout::name).toList();
    for (String name : new java.util.TreeSet<>(slopes.keySet())) {
      if (!leaky.contains(name)) {
        String what = layout.layers().stream().filter(d -> d.name().equals(name)).findFirst()
            .map(d -> "layer '" + name + "' is " + d.activation() + ", not LEAKY_RELU")
            .orElse("the model has no layer '" + name + "'");
        throw new IllegalArgumentException("a slope is given for '" + name + "' (--slope " + name + "=" + slopes.get(name)
            + "), but " + what + "; " + (leaky.isEmpty() ? "the model has no LEAKY_RELU layer"
            : "its LEAKY_RELU layers are " + String.join(", ", leaky)));
      }
    }
  }

  /** Applies layer {@code d}'s activation to {@code z}; returns the activation's output. */
  static String apply(GraphBuilder g, DenseLayout d, String z, Map<String, Double> slopes) {
    String n = d.name() + "/";
    return switch (d.activation()) {
      case IDENTITY -> z;
      case SIGMOID -> g.node("Sigmoid", n + "Sigmoid", List.of(z), Map.of());
      case TANH -> g.node("Tanh", n + "Tanh", List.of(z), Map.of());
      case RELU -> g.node("Relu", n + "Relu", List.of(z), Map.of());
      case ELU -> g.node("Elu", n + "Elu", List.of(z), Map.of("alpha", Attribute.ofFloat("alpha", 1f)));
      case SOFTPLUS -> g.node("Softplus", n + "Softplus", List.of(z), Map.of());
      case SOFTMAX -> g.node("Softmax", n + "Softmax", List.of(z), Map.of("axis", Attribute.ofInt("axis", 1)));
      case LEAKY_RELU -> {
        Double slope = slopes.get(d.name());
        if (slope == null) {
          throw new UnsupportedOnnxException("layer '" + d.name() + "' is LEAKY_RELU, and a compiled model does not"
              + " record its slope; give it (the declaration's 'slope', 0.01 by default), e.g. --slope "
              + d.name() + "=0.01");
        }
        yield g.node("LeakyRelu", n + "LeakyRelu", List.of(z),
            Map.of("alpha", Attribute.ofFloat("alpha", slope.floatValue())));
      }
      // max(0, min(1, z/6 + 1/2)): PyTorch's hardsigmoid, ONNX's HardSigmoid with alpha 1/6
      case HARD_SIGMOID -> g.node("HardSigmoid", n + "HardSigmoid", List.of(z), Map.of(
          "alpha", Attribute.ofFloat("alpha", 1f / 6), "beta", Attribute.ofFloat("beta", 0.5f)));
      // z·σ(z)
      case SILU -> g.node("Mul", n + "Mul", List.of(z, g.node("Sigmoid", n + "Sigmoid", List.of(z), Map.of())), Map.of());
      case GELU -> gelu(g, n, z);
      case CUSTOM -> throw new AssertionError("refused before");
    };
  }

  /** ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))): ONNX's Gelu(approximate = "tanh") from opset 20. */
  private static String gelu(GraphBuilder g, String n, String z) {
    if (g.opset() >= 20) {
      return g.node("Gelu", n + "Gelu", List.of(z), Map.of("approximate", Attribute.ofString("approximate", "tanh")));
    }
    String cube = g.node("Mul", n + "cube", List.of(g.node("Mul", n + "square", List.of(z, z), Map.of()), z), Map.of());
    String inner = g.node("Add", n + "inner", List.of(z,
        g.node("Mul", n + "cubic", List.of(cube, g.scalar(n + "c", 0.044715)), Map.of())), Map.of());
    String t = g.node("Tanh", n + "Tanh", List.of(
        g.node("Mul", n + "scaled", List.of(inner, g.scalar(n + "k", Math.sqrt(2 / Math.PI))), Map.of())), Map.of());
    String half = g.node("Mul", n + "half", List.of(z, g.scalar(n + "h", 0.5)), Map.of());
    return g.node("Mul", n + "Gelu", List.of(half, g.node("Add", n + "onePlus", List.of(t, g.scalar(n + "one", 1)),
        Map.of())), Map.of());
  }
}
