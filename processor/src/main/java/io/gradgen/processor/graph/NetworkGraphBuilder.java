package io.gradgen.processor.graph;

import io.gradgen.DenseLayout;
import io.gradgen.NetworkLayout;
import io.gradgen.processor.ir.Activations;
import io.gradgen.processor.ir.ElementFunction;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the forward graph of a validated {@link NetworkSpec}: each dense layer as
 * {@code z_j = Σ_k w_jk·a_k + b}, {@code a_j = f(z_j)}, then the loss.
 *
 * <p>Nodes are named for the code they become ({@code hidden_z0}, {@code hidden_a0}, {@code
 * err0}, {@code E}); the first node of each layer carries the layer's equation as its note.
 */
public final class NetworkGraphBuilder {
  private final NetworkSpec spec;
  private final NetworkLayout layout;
  private final Graph g = new Graph();
  /** The output softmax's max z and Σ e^{z − max}, which the cross-entropy reuses. */
  private SoftmaxParts softmaxParts = new SoftmaxParts(List.of());

  private NetworkGraphBuilder(NetworkSpec spec) {
    this.spec = spec;
    this.layout = spec.layout();
  }

  /** The forward graph of {@code spec}, which must have passed validation. */
  public static NetworkGraph build(NetworkSpec spec) {
    return new NetworkGraphBuilder(spec).build();
  }

  private NetworkGraph build() {
    List<Node> parameters = new ArrayList<>();
    for (int i = 0; i < layout.parameterCount(); i++) {
      parameters.add(g.param(i));
    }
    List<Node> activations = new ArrayList<>();
    for (int k = 0; k < spec.inputs(); k++) {
      activations.add(g.input(k));
    }
    List<Node> logits = activations;
    for (int i = 0; i < spec.layers().size(); i++) {
      logits = logits(i, activations);
      activations = activate(spec.layers().get(i), logits);
    }
    Node loss = new LossBuilder(g, spec, softmaxParts).build(logits, activations);
    return new NetworkGraph(spec, g, activations, loss, parameters);
  }

  /** {@code z_j = Σ_k w_jk·a_k + b} for every unit of layer {@code i}. */
  private List<Node> logits(int i, List<Node> inputs) {
    LayerSpec layer = spec.layers().get(i);
    DenseLayout dense = layout.layers().get(i);
    int fanIn = dense.inputs();
    List<Node> z = new ArrayList<>();
    for (int j = 0; j < layer.units(); j++) {
      List<Node> terms = new ArrayList<>();
      for (int k = 0; k < fanIn; k++) {
        terms.add(g.mul(g.param(dense.weightIndex(j, k)), inputs.get(k)));
      }
      switch (layer.bias()) {
        case PER_NEURON -> terms.add(g.param(dense.firstBias() + j));
        case SHARED -> terms.add(g.param(dense.firstBias()));
        case NONE -> {}
      }
      Node zj = g.add(terms);
      g.name(zj, layer.name() + "_z" + j);
      z.add(zj);
    }
    g.note(z.get(0), layerNote(i, layer));
    return z;
  }

  private List<Node> activate(LayerSpec layer, List<Node> z) {
    return switch (layer.activation()) {
      case IDENTITY -> z;
      case SOFTMAX -> softmax(layer, z);
      case CUSTOM -> custom(layer, z);
      default -> elementWise(layer, Activations.of(layer, spec.functions()), z);
    };
  }

  /** {@code a_j = f(z_j)} with the body of the layer's {@code @Differentiable} function inlined. */
  private List<Node> custom(LayerSpec layer, List<Node> z) {
    List<Node> a = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node aj = FunctionGraphBuilder.inline(
          g, spec.functions().get(layer.function()), spec.functions(), List.of(z.get(j)), layer.name() + "_" + layer.function() + j + "_");
      g.rename(aj, layer.name() + "_a" + j);
      a.add(aj);
    }
    return a;
  }

  /** {@code a_j = f(z_j)} with the body of the built-in activation's registry entry. */
  private List<Node> elementWise(LayerSpec layer, ElementFunction f, List<Node> z) {
    List<Node> a = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node aj = f.inline(g, List.of(z.get(j)), layer.name() + "_" + j + "_");
      g.rename(aj, layer.name() + "_a" + j);
      a.add(aj);
    }
    return a;
  }

  /**
   * {@code p_j = e^{z_j − m} / Σ_k e^{z_k − m}} with {@code m = max z}: subtracting the maximum
   * keeps every exponent ≤ 0, so nothing overflows. The SOFTMAX nodes carry the textbook gradient.
   */
  private List<Node> softmax(LayerSpec layer, List<Node> z) {
    Node max = pairwiseMax(z);
    g.name(max, layer.name() + "_max");
    List<Node> exps = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node e = g.node(Op.EXP, g.sub(z.get(j), max));
      g.name(e, layer.name() + "_e" + j);
      exps.add(e);
    }
    Node sum = g.add(exps);
    g.name(sum, layer.name() + "_sum");
    softmaxParts = new SoftmaxParts(List.of(max, sum));
    List<Node> args = new ArrayList<>();
    for (Node e : exps) {
      args.add(g.div(e, sum));
    }
    args.addAll(z);
    List<Node> p = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node pj = g.node(Op.SOFTMAX, args, 0.0, j);
      g.name(pj, layer.name() + "_a" + j);
      p.add(pj);
    }
    return p;
  }

  /**
   * {@code max z} as a balanced tree of {@code Math.max} calls: its depth grows with log n, so the
   * printed expression stays shallow for wide layers.
   */
  private Node pairwiseMax(List<Node> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    int half = (values.size() + 1) / 2;
    return g.node(Op.MAX, pairwiseMax(values.subList(0, half)), pairwiseMax(values.subList(half, values.size())));
  }

  private String layerNote(int i, LayerSpec layer) {
    String input = i == 0 ? "x" : spec.layers().get(i - 1).name() + "_a";
    String bias =
        switch (layer.bias()) {
          case PER_NEURON -> " + b";
          case SHARED -> " + b (one bias shared by the layer)";
          case NONE -> "";
        };
    String activation =
        switch (layer.activation()) {
          case IDENTITY -> "";
          case SOFTMAX -> ", a = softmax(z)";
          case CUSTOM -> ", a = " + layer.function() + "(z)";
          default -> ", a = " + Activations.text(layer.activation()).orElseThrow().name().replace(' ', '_') + "(z)";
        };
    return "layer '"
        + layer.name()
        + "' ("
        + layer.units()
        + (layer.units() == 1 ? " unit" : " units")
        + "): z = W·"
        + input
        + bias
        + activation;
  }
}
