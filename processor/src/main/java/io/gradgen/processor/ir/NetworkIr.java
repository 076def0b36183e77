package io.gradgen.processor.ir;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.processor.graph.FunctionGraphBuilder;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tensor graph of a validated network: per layer {@code z = W·in + b}, {@code a = f(z)}, then
 * the loss; and its differentiation. Every generated form of the network is lowered from it.
 *
 * @param spec the declaration
 * @param graph the graph
 * @param x the input
 * @param t the target
 * @param layers the nodes of each layer, first to last
 * @param loss the scalar loss E
 * @param backprop E differentiated with respect to every parameter
 * @param updates the training step's epilogue: per parameter, in layout order, {@code θ − η·∂E/∂θ}
 *     ({@link TensorOp#UPDATE}), applied after the parameter's last reader
 */
public record NetworkIr(
    NetworkSpec spec,
    TensorGraph graph,
    Tensor x,
    Tensor t,
    List<Layer> layers,
    Tensor loss,
    TensorDifferentiator.Backprop backprop,
    List<Tensor> updates) {

  /**
   * One dense layer's nodes.
   *
   * @param weights W, [units][inputs]
   * @param bias b (a vector, or a scalar when shared), if the layer has one
   * @param in the layer's input
   * @param z the pre-activation W·in + b
   * @param out the layer's output: a = f(z), softmax(z), or z itself for the identity
   */
  public record Layer(Tensor weights, Optional<Tensor> bias, Tensor in, Tensor z, Tensor out) {
    /** The activation's function, for an element-wise activation. */
    public Optional<ElementFunction> activation() {
      return out.op() == TensorOp.MAP ? Optional.of(out.fn()) : Optional.empty();
    }
  }

  public NetworkIr {
    layers = List.copyOf(layers);
    updates = List.copyOf(updates);
  }

  /** The network's output: the last layer's. */
  public Tensor output() {
    return layers.get(layers.size() - 1).out();
  }

  /**
   * The bodies of the element functions the network applies forward (activations, loss terms):
   * where the conventions at non-differentiable points come from.
   */
  public List<io.gradgen.processor.graph.Node> elementBodies() {
    List<io.gradgen.processor.graph.Node> bodies = new ArrayList<>();
    for (Layer l : layers) {
      l.activation().ifPresent(f -> bodies.add(f.result()));
    }
    Tensor terms = loss.op() == TensorOp.MUL ? loss.arg(1) : loss;
    if (terms.op() == TensorOp.SUM) {
      terms = terms.arg(0);
    }
    // A sum of terms differentiates its terms; a fused cross-entropy's gradient is o − t, so its
    // stable forward term (with its max and |z|) states no convention.
    if (terms.op() == TensorOp.ZIP) {
      bodies.add(terms.fn().result());
    }
    return bodies;
  }

  /** The parameters in layout order: each layer's weights, then its bias. */
  public List<Tensor> parameters() {
    List<Tensor> p = new ArrayList<>();
    for (Layer l : layers) {
      p.add(l.weights());
      l.bias().ifPresent(p::add);
    }
    return p;
  }

  /** The forward and differentiated graph of {@code spec}, which must have passed validation. */
  public static NetworkIr of(NetworkSpec spec) {
    TensorGraph g = new TensorGraph();
    Tensor x = g.input(spec.inputs());
    g.name(x, "x");
    Tensor t = g.target(spec.outputs());
    g.name(t, "t");
    List<Layer> layers = new ArrayList<>();
    Tensor in = x;
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer layer = layer(g, spec, i, in);
      layers.add(layer);
      in = layer.out();
    }
    Layer last = layers.get(layers.size() - 1);
    Tensor loss = loss(g, spec, last.z(), last.out(), t);
    g.name(loss, "E");
    List<Tensor> parameters = new ArrayList<>();
    for (Layer l : layers) {
      parameters.add(l.weights());
      l.bias().ifPresent(parameters::add);
    }
    TensorDifferentiator.Backprop backprop = TensorDifferentiator.differentiate(g, loss, parameters);
    // The fused training step is a transform of the same graph: the delta rule appended after the
    // backward pass, one update per parameter; the lowerings apply each after its last reader.
    List<Tensor> updates = new ArrayList<>();
    for (Tensor p : parameters) {
      Tensor update = g.update(p, backprop.adjoint(p));
      g.name(update, g.nameOf(p).orElseThrow() + "_next");
      updates.add(update);
    }
    return new NetworkIr(spec, g, x, t, layers, loss, backprop, updates);
  }

  private static Layer layer(TensorGraph g, NetworkSpec spec, int i, Tensor in) {
    LayerSpec l = spec.layers().get(i);
    Tensor w = g.weights(i, l.units(), spec.fanIn(i));
    g.name(w, l.name() + "_w");
    Tensor z = g.matvec(w, in);
    Optional<Tensor> bias = Optional.empty();
    if (l.bias() != Bias.NONE) {
      g.name(z, l.name() + "_Wx");
      Tensor b = g.bias(i, l.bias() == Bias.SHARED ? Shape.scalar() : Shape.vector(l.units()));
      g.name(b, l.name() + "_b");
      bias = Optional.of(b);
      z = g.add(z, l.bias() == Bias.SHARED ? g.broadcast(b, z.shape()) : b);
    }
    g.name(z, l.name() + "_z");
    Tensor out;
    if (l.activation() == Activation.IDENTITY) {
      out = z;
    } else if (l.activation() == Activation.SOFTMAX) {
      out = g.softmax(z);
    } else {
      out = g.map(Activations.of(l, spec.functions()), z);
    }
    g.name(out, l.name() + "_a");
    return new Layer(w, bias, in, z, out);
  }

  private static Tensor loss(TensorGraph g, NetworkSpec spec, Tensor z, Tensor o, Tensor t) {
    int n = spec.outputs();
    return switch (spec.loss()) {
      case HALF_SUM_SQUARED_ERROR -> g.mul(g.constant(0.5), g.sum(squaredErrors(g, o, t)));
      case MEAN_SQUARED_ERROR -> n == 1
          ? g.sum(squaredErrors(g, o, t))
          : g.mul(g.constant(1.0 / n), g.sum(squaredErrors(g, o, t)));
      case SUM_SQUARED_ERROR -> g.sum(squaredErrors(g, o, t));
      case BINARY_CROSS_ENTROPY -> g.sigmoidCrossEntropy(ElementFunctions.stableBinaryCrossEntropy(), z, t, o);
      case CATEGORICAL_CROSS_ENTROPY -> g.softmaxCrossEntropy(z, t, o);
      case CUSTOM -> g.sum(g.zip(customLoss(spec), List.of(o, t)));
    };
  }

  /**
   * The terms (o − t)²; of a softmax output, with 1 − o read from the other outputs where o is
   * nearly 1 ({@link ElementFunctions#softmaxSquaredError}), so the loss and its gradient keep
   * their digits when the target is on a saturated class.
   */
  private static Tensor squaredErrors(TensorGraph g, Tensor o, Tensor t) {
    if (o.op() != TensorOp.SOFTMAX) {
      return g.zip(ElementFunctions.squaredError(), List.of(o, t));
    }
    Tensor rest = g.sum(g.map(ElementFunctions.softmaxRest(), o));
    g.nameOf(o).ifPresent(a -> g.name(rest, a.substring(0, a.length() - 2) + "_rest"));
    return g.zip(ElementFunctions.softmaxSquaredError(), List.of(o, t, g.broadcast(rest, o.shape())));
  }

  /** The declaration's {@code CUSTOM} loss method as a function of (o, t). */
  public static ElementFunction customLoss(NetworkSpec spec) {
    FunctionSpec f = spec.functions().get(spec.lossFunction());
    Graph g = new Graph();
    Node o = g.node(Op.VAR, List.of(), 0.0, 0);
    Node t = g.node(Op.VAR, List.of(), 0.0, 1);
    Node body = FunctionGraphBuilder.inline(g, f, spec.functions(), List.of(o, t), spec.lossFunction() + "_");
    return new ElementFunction(spec.lossFunction(), "\\mathrm{" + spec.lossFunction().replace("_", "\\_") + "}(o, t)",
        g, body, List.of("o", "t"));
  }

}
