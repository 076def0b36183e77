package io.gradgen.processor.ir;

import io.gradgen.Activation;
import io.gradgen.processor.graph.FunctionGraphBuilder;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.model.LayerSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The element-wise activations, one entry each: the scalar body of f(z) in primitive ops (its
 * derivative is derived from it, never written), the text the report and the picture print, and
 * the gate's name. Adding a built-in activation is one entry here and its constant in {@link
 * Activation}.
 *
 * <p>{@link Activation#IDENTITY} and {@link Activation#SOFTMAX} have no entry: the first is no gate
 * at all, the second is a tensor op of its own ({@link TensorOp#SOFTMAX}).
 */
public final class Activations {
  /** Builds f(z) into a graph; {@code layer} supplies attributes such as leaky ReLU's slope. */
  private interface Body {
    Node build(Graph g, Node z, LayerSpec layer);
  }

  /**
   * What the report and the picture show of an activation.
   *
   * @param name the name in comments and labels ({@code sigmoid})
   * @param tex f applied to {@code %s}, in LaTeX
   * @param derivativeTex f′ in LaTeX, {@code %1$s} the output a and {@code %2$s} the input z
   * @param label the picture's node label
   * @param edge the picture's backward-edge label
   */
  public record Text(String name, String tex, String derivativeTex, String label, String edge) {}

  private record Entry(Text text, Body body) {}

  private static final Map<Activation, Entry> ENTRIES = new EnumMap<>(Activation.class);

  static {
    // s = 1/(1 + e^−z); the sigmoid gate gives s·(1 − s), through the output.
    entry(Activation.SIGMOID, new Text("sigmoid", "\\sigma(%s)", "%1$s(1 - %1$s)", "σ", "·s·(1 − s)"),
        (g, z, l) -> g.node(Op.SIGMOID, z));
    // t = tanh z; the tanh gate gives 1 − t², through the output.
    entry(Activation.TANH, new Text("tanh", "\\tanh(%s)", "(1 - %1$s^2)", "tanh", "·(1 − t²)"),
        (g, z, l) -> g.node(Op.TANH, z));
    // max(0, z); the relu gate passes up where z > 0 (0 at z = 0).
    entry(Activation.RELU, new Text("relu", "\\max(0, %s)", "\\mathbb{1}[%2$s > 0]", "relu", "·[z>0]"),
        (g, z, l) -> g.node(Op.RELU, z));
    // z > 0 ? z : α·z, α = the layer's slope; the select gate routes up to the branch taken.
    entry(Activation.LEAKY_RELU,
        new Text("leaky relu", "\\mathrm{leaky}(%s)", "(%2$s > 0 ? 1 : \\alpha)", "leaky", "·[z>0 ? 1 : α]"),
        (g, z, l) -> g.node(Op.IF_GREATER, z, g.constant(0.0), z, g.mul(g.constant(l.slope()), z)));
    // z > 0 ? z : e^min(z, 0) − 1: the min keeps the untaken branch finite for large z.
    entry(Activation.ELU,
        new Text("elu", "\\mathrm{elu}(%s)", "(%2$s > 0 ? 1 : e^{%2$s})", "elu", "·[z>0 ? 1 : e^z]"),
        (g, z, l) -> g.node(Op.IF_GREATER, z, g.constant(0.0), z,
            g.sub(g.node(Op.EXP, g.node(Op.MIN, z, g.constant(0.0))), g.constant(1.0))));
    // ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))), the tanh form of GELU.
    entry(Activation.GELU,
        new Text("gelu", "\\mathrm{gelu}(%s)", "\\mathrm{gelu}'(%2$s)", "gelu", "·gelu′"),
        (g, z, l) -> {
          Node cube = g.mul(g.node(Op.SQUARE, z), z);
          Node inner = g.mul(g.constant(Math.sqrt(2 / Math.PI)), g.add(z, g.mul(g.constant(0.044715), cube)));
          return g.mul(g.mul(g.constant(0.5), z), g.add(g.constant(1.0), g.node(Op.TANH, inner)));
        });
    // z·σ(z) (SiLU, swish with β = 1).
    entry(Activation.SILU,
        new Text("silu", "%s\\,\\sigma(%<s)", "\\sigma(%2$s)(1 + %2$s(1 - \\sigma(%2$s)))", "silu", "·silu′"),
        (g, z, l) -> g.mul(z, g.node(Op.SIGMOID, z)));
    // ln(1 + e^z) as z > 0 ? z + ln(1 + e^−max(z, 0)) : ln(1 + e^min(z, 0)): no exponent is ever
    // positive, in either branch, and at z = 0 the derivative is σ(0) = ½ (max(z, 0) + ln(1 + e^−|z|)
    // would give 1 there, by the conventions of max and |z| at a tie).
    entry(Activation.SOFTPLUS,
        new Text("softplus", "\\ln(1 + e^{%s})", "\\sigma(%2$s)", "softplus", "·σ(z)"),
        (g, z, l) -> {
          Node zero = g.constant(0.0);
          Node positive = g.add(z, g.node(Op.LOG1P, g.node(Op.EXP, g.neg(g.node(Op.MAX, z, zero)))));
          Node negative = g.node(Op.LOG1P, g.node(Op.EXP, g.node(Op.MIN, z, zero)));
          return g.node(Op.IF_GREATER, z, zero, positive, negative);
        });
    // max(0, min(1, z/6 + ½)): PyTorch's relu6(z + 3)/6.
    entry(Activation.HARD_SIGMOID,
        new Text("hard sigmoid", "\\max(0, \\min(1, %s/6 + 1/2))", "\\mathbb{1}[-3 < %2$s < 3]/6", "hard σ", "·[|z|<3]/6"),
        (g, z, l) -> g.node(Op.MAX, g.constant(0.0),
            g.node(Op.MIN, g.constant(1.0), g.add(g.mul(g.constant(1.0 / 6), z), g.constant(0.5)))));
  }

  private Activations() {}

  private static void entry(Activation a, Text text, Body body) {
    ENTRIES.put(a, new Entry(text, body));
  }

  /** The built-in activations with an entry. */
  public static List<Activation> builtIns() {
    return List.copyOf(ENTRIES.keySet());
  }

  /** The text of a built-in element-wise activation. */
  public static Optional<Text> text(Activation a) {
    return Optional.ofNullable(ENTRIES.get(a)).map(Entry::text);
  }

  /**
   * The layer's activation as a function of z: a built-in's entry, or the body of its {@code
   * CUSTOM} {@code @Differentiable} method.
   *
   * @throws IllegalArgumentException for {@code IDENTITY} and {@code SOFTMAX}
   */
  public static ElementFunction of(LayerSpec layer, Map<String, FunctionSpec> functions) {
    Graph g = new Graph();
    Node z = g.node(Op.VAR, List.of(), 0.0, 0);
    if (layer.activation() == Activation.CUSTOM) {
      FunctionSpec f = functions.get(layer.function());
      Node body = FunctionGraphBuilder.inline(g, f, functions, List.of(z), layer.function() + "_");
      return new ElementFunction(layer.function(), "\\mathrm{" + layer.function().replace("_", "\\_") + "}(z)",
          g, body, List.of("z"));
    }
    Entry e = ENTRIES.get(layer.activation());
    if (e == null) {
      throw new IllegalArgumentException(layer.activation() + " is not element-wise");
    }
    return new ElementFunction(e.text().name().replace(' ', '_'), String.format(e.text().tex(), "z"),
        g, e.body().build(g, z, layer), List.of("z"), e.text().name() + " gate: up" + e.text().edge());
  }
}
