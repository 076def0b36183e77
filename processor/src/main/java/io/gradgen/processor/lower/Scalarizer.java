package io.gradgen.processor.lower;

import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.NetworkLayout;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.ir.ElementFunctions;
import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.ir.Tensor;
import io.gradgen.processor.ir.TensorOp;
import io.gradgen.processor.model.NetworkSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The straight-line lowering of the differentiated tensor graph: every tensor node becomes its
 * elements in the scalar graph (a matvec the sums of products, an element function its body per
 * element, an adjoint the same ops of the backward pass), named and noted for the code they become
 * ({@code hidden_z0}, {@code dE_output_z1}). Nothing is differentiated here: the backward pass is
 * the tensor graph's, so straight-line code and loops compute one graph.
 */
public final class Scalarizer {
  /**
   * A scalarized network.
   *
   * @param graph the scalar graph
   * @param outputs the network's outputs
   * @param loss the loss E
   * @param gradients ∂E/∂θ for every parameter, in layout order
   * @param notes for every parameter, which gate its gradient comes through
   */
  public record Scalar(Graph graph, List<Node> outputs, Node loss, List<Node> gradients, List<String> notes) {}

  private final NetworkIr ir;
  private final NetworkSpec spec;
  private final NetworkLayout layout;
  private final Graph g = new Graph();
  private final Map<Tensor, List<Node>> values = new HashMap<>();
  /** Per softmax, its logits' max and Σ e^{z − max}, which the cross-entropy reuses. */
  private final Map<Tensor, Node[]> softmaxParts = new HashMap<>();

  private Scalarizer(NetworkIr ir) {
    this.ir = ir;
    this.spec = ir.spec();
    this.layout = spec.layout();
    // The leaves first, parameters in layout order, then the inputs: the scalar nodes' ids (the
    // picture's and the code's order) follow the layout, not the order they are reached in.
    for (Tensor p : ir.parameters()) {
      value(p);
    }
    value(ir.x());
  }

  /** The scalar form of {@code ir}, forward pass, loss and every parameter's gradient. */
  public static Scalar of(NetworkIr ir) {
    return new Scalarizer(ir).run();
  }

  /** The scalar form of the forward pass alone, for the picture of a small network. */
  public static Scalar forward(NetworkIr ir) {
    Scalarizer s = new Scalarizer(ir);
    List<Node> outputs = s.value(ir.output());
    Node loss = s.value(ir.loss()).get(0);
    return new Scalar(s.g, outputs, loss, List.of(), List.of());
  }

  private Scalar run() {
    List<Node> outputs = value(ir.output());
    Node loss = value(ir.loss()).get(0);
    List<Node> gradients = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < ir.layers().size(); i++) {
      NetworkIr.Layer layer = ir.layers().get(i);
      DenseLayout dense = layout.layers().get(i);
      gradients.addAll(value(gradientOf(layer.weights())));
      for (int w = 0; w < dense.units() * dense.inputs(); w++) {
        notes.add("multiply gate switches");
      }
      if (layer.bias().isPresent()) {
        List<Node> db = value(gradientOf(layer.bias().get()));
        gradients.addAll(db);
        String note = dense.bias() == Bias.SHARED && dense.units() > 1
            ? "fan-out sums " + dense.units() + " paths: add gate distributes"
            : "add gate distributes";
        db.forEach(d -> notes.add(note));
      }
    }
    return new Scalar(g, outputs, loss, gradients, notes);
  }

  /** The gradient that the training step's update of {@code parameter} subtracts. */
  private Tensor gradientOf(Tensor parameter) {
    for (Tensor u : ir.updates()) {
      if (u.arg(0) == parameter) {
        return u.arg(1);
      }
    }
    throw new IllegalStateException("no update of " + parameter);
  }

  /** The elements of {@code t}, row by row for a matrix. */
  private List<Node> value(Tensor t) {
    List<Node> known = values.get(t);
    if (known == null) {
      known = List.copyOf(compute(t));
      values.put(t, known);
      name(t, known);
    }
    return known;
  }

  private List<Node> compute(Tensor t) {
    List<Node> out = new ArrayList<>();
    int n = t.shape().size();
    switch (t.op()) {
      case INPUT -> range(n).forEach(k -> out.add(g.input(k)));
      case TARGET -> range(n).forEach(j -> out.add(g.target(j)));
      case WEIGHTS -> range(n).forEach(i -> out.add(g.param(layout.layers().get(t.layer()).firstWeight() + i)));
      case BIAS -> range(n).forEach(i -> out.add(g.param(layout.layers().get(t.layer()).firstBias() + i)));
      case CONSTANT -> out.add(g.constant(t.value()));
      case MATVEC -> {
        List<Node> w = value(t.arg(0));
        List<Node> x = value(t.arg(1));
        for (int j = 0; j < n; j++) {
          List<Node> terms = new ArrayList<>();
          for (int k = 0; k < x.size(); k++) {
            terms.add(g.mul(w.get(j * x.size() + k), x.get(k)));
          }
          out.add(g.add(terms));
        }
      }
      case MATVEC_T -> {
        List<Node> w = value(t.arg(0));
        List<Node> d = value(t.arg(1));
        for (int k = 0; k < n; k++) {
          List<Node> terms = new ArrayList<>();
          for (int j = 0; j < d.size(); j++) {
            terms.add(g.mul(d.get(j), w.get(j * n + k)));
          }
          out.add(g.add(terms));
        }
      }
      case OUTER -> {
        List<Node> a = value(t.arg(0));
        List<Node> b = value(t.arg(1));
        for (Node aj : a) {
          for (Node bk : b) {
            out.add(g.mul(aj, bk));
          }
        }
      }
      case ADD -> {
        List<Node> a = value(t.arg(0));
        List<Node> b = value(t.arg(1));
        // z = W·x + b is one sum per unit, the bias its last term, as one writes it.
        boolean openSum = t.arg(0).op() == TensorOp.MATVEC;
        for (int i = 0; i < n; i++) {
          List<Node> terms = new ArrayList<>();
          Node left = a.get(i);
          if (openSum && left.op() == Op.ADD) {
            terms.addAll(left.args());
          } else {
            terms.add(left);
          }
          terms.add(b.get(i));
          out.add(g.add(terms));
        }
      }
      case MUL -> {
        List<Node> a = value(t.arg(0));
        List<Node> b = value(t.arg(1));
        range(n).forEach(i -> out.add(g.mul(a.get(i), b.get(i))));
      }
      case BROADCAST -> {
        Node s = value(t.arg(0)).get(0);
        range(n).forEach(i -> out.add(s));
      }
      case SUM -> {
        Node sum = g.add(value(t.arg(0)));
        if (t.arg(0).op() == TensorOp.TARGET) {
          g.name(sum, "target_sum"); // Σt, read by the exact softmax cross-entropy gate
        }
        out.add(sum);
      }
      case MAP, ZIP -> out.addAll(elementWise(t));
      case SOFTMAX -> out.addAll(softmax(t));
      case SOFTMAX_CROSS_ENTROPY -> {
        value(t.arg(2)); // the softmax, which keeps its max and sum for the cross-entropy
        Node[] parts = softmaxParts.get(t.arg(2));
        // −ln p_j = (m − z_j) + ln s, not (m + ln s) − z_j: where the correct class has the largest
        // logit its loss ln s is far below one ulp of m (at z = (1000, 970): 21 % off otherwise).
        Node logSum = g.node(Op.LOG, parts[1]);
        g.name(logSum, spec.outputLayer().name() + "_logsum");
        List<Node> z = value(t.arg(0));
        List<Node> targets = value(t.arg(1));
        List<Node> terms = new ArrayList<>();
        for (int j = 0; j < z.size(); j++) {
          terms.add(g.mul(targets.get(j), g.add(g.sub(parts[0], z.get(j)), logSum)));
        }
        out.add(g.add(terms));
      }
      case SIGMOID_CROSS_ENTROPY -> {
        List<Node> z = value(t.arg(0));
        List<Node> targets = value(t.arg(1));
        List<Node> terms = new ArrayList<>();
        for (int j = 0; j < z.size(); j++) {
          terms.add(t.fn().inline(g, List.of(z.get(j), targets.get(j)), "", Integer.toString(j)));
        }
        out.add(g.add(terms));
      }
      case UPDATE -> throw new IllegalStateException("the straight-line step applies updates as stores");
    }
    return out;
  }

  /** f applied to each element; a squared-error term's o − t is the error the comments name. */
  private List<Node> elementWise(Tensor t) {
    List<List<Node>> operands = new ArrayList<>();
    for (Tensor a : t.args()) {
      operands.add(value(a));
    }
    String prefix = prefixOf(t);
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < t.shape().size(); i++) {
      List<Node> args = new ArrayList<>();
      for (List<Node> o : operands) {
        args.add(o.get(i));
      }
      Node element = t.fn().inline(g, args, prefix, Integer.toString(i));
      if (t.fn() == ElementFunctions.squaredError() && element.op() == Op.SQUARE) {
        g.note(element.arg(0), NetworkNotes.error(spec, i));
      }
      out.add(element);
    }
    return out;
  }

  /** Inner locals of a layer's activation are named after the layer ({@code h_swish_d0}). */
  private String prefixOf(Tensor t) {
    for (NetworkIr.Layer l : ir.layers()) {
      if (l.out() == t) {
        return ir.graph().nameOf(l.z()).map(z -> z.substring(0, z.length() - 1)).orElse("");
      }
    }
    return "";
  }

  /**
   * {@code p_j = e^{z_j − m} / Σ_k e^{z_k − m}} with {@code m = max z} as a balanced tree of
   * {@code Math.max}: every exponent is at most 0, and the expression stays shallow.
   */
  private List<Node> softmax(Tensor t) {
    String layer = ir.graph().nameOf(t).map(a -> a.substring(0, a.length() - 2)).orElse("softmax");
    List<Node> z = value(t.arg(0));
    Node max = pairwiseMax(z);
    g.name(max, layer + "_max");
    List<Node> exps = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      Node e = g.node(Op.EXP, g.sub(z.get(j), max));
      g.name(e, layer + "_e" + j);
      exps.add(e);
    }
    Node sum = g.add(exps);
    g.name(sum, layer + "_sum");
    softmaxParts.put(t, new Node[] {max, sum});
    List<Node> p = new ArrayList<>();
    for (Node e : exps) {
      p.add(g.div(e, sum));
    }
    return p;
  }

  private Node pairwiseMax(List<Node> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    int half = (values.size() + 1) / 2;
    return g.node(Op.MAX, pairwiseMax(values.subList(0, half)), pairwiseMax(values.subList(half, values.size())));
  }

  /** Names and notes the elements of a named tensor: {@code hidden_z} gives {@code hidden_z0, hidden_z1}. */
  private void name(Tensor t, List<Node> elements) {
    // Gradients of weights and of a shared bias are stores, not locals; W·x is part of z's sum.
    boolean partOfZ = t.op() == TensorOp.MATVEC && ir.layers().stream().noneMatch(l -> l.z() == t);
    if (partOfZ || t.op().isParameter() || t.op() == TensorOp.OUTER
        || t.op() == TensorOp.SUM && isParameterGradient(t)) {
      return;
    }
    ir.graph().nameOf(t).ifPresent(name -> {
      if (t.shape().rank() == 0) {
        g.rename(elements.get(0), name);
      } else {
        for (int i = 0; i < elements.size(); i++) {
          if (!elements.get(i).op().isLeaf()) {
            g.name(elements.get(i), name + i);
          }
        }
      }
    });
    if (t == ir.loss()) {
      g.note(elements.get(0), "loss: " + NetworkNotes.loss(spec));
    }
    for (int i = 0; i < ir.layers().size(); i++) {
      if (ir.layers().get(i).z() == t) {
        g.note(elements.get(0), NetworkNotes.layer(ir, i));
      }
    }
    Tensor forward = forwardOf(t); // looked up once per tensor, not per element
    for (int i = 0; i < elements.size(); i++) {
      String note = noteOf(t, forward, i);
      if (!note.isEmpty()) {
        g.note(elements.get(i), note);
      }
    }
  }

  private boolean isParameterGradient(Tensor t) {
    for (Tensor p : ir.parameters()) {
      if (ir.backprop().adjoints().get(p) == t) {
        return true;
      }
    }
    return false;
  }

  /**
   * The comment above element {@code i} of an adjoint: which forward statement it differentiates
   * and by which gate ("grad of output_a0 = sigmoid(output_z0): sigmoid gate: up·s·(1 − s)").
   */
  private String noteOf(Tensor t, Tensor forward, int i) {
    if (forward == null) {
      return "";
    }
    for (int l = 0; l < ir.layers().size(); l++) {
      NetworkIr.Layer layer = ir.layers().get(l);
      String z = elementName(layer.z(), i);
      if (forward == layer.z() && (t.op() == TensorOp.MAP || t.op() == TensorOp.ZIP)) {
        String gate = ir.graph().noteOf(t).orElse("");
        return layer.activation()
            .map(f -> "grad of " + elementName(layer.out(), i) + " = " + f.name() + "(" + z + "): " + gate)
            .orElse("grad of " + z + ": " + gate);
      }
      if (forward == layer.in() && t.op() == TensorOp.MATVEC_T) {
        int consumers = t.arg(1).shape().dim(0);
        List<String> readers = new ArrayList<>();
        for (int j = 0; j < consumers; j++) {
          readers.add(elementName(layer.z(), j));
        }
        String read = consumers <= 3 ? String.join(", ", readers)
            : readers.get(0) + " … " + readers.get(consumers - 1);
        return "grad of " + elementName(forward, i) + ", read by " + read + ": "
            + (consumers > 1 ? "fan-out sums " + consumers + " paths, multiply gates switch" : "multiply gate switches");
      }
    }
    return ir.graph().noteOf(t).orElse("");
  }

  /** The forward node whose adjoint {@code t} is, if it is one. */
  private Tensor forwardOf(Tensor t) {
    for (Map.Entry<Tensor, Tensor> e : ir.backprop().adjoints().entrySet()) {
      if (e.getValue() == t && !e.getKey().op().isParameter()) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Element {@code i} of a named vector as the code names it: {@code hidden_a0}. */
  private String elementName(Tensor t, int i) {
    return ir.graph().nameOf(t).map(n -> n + i).orElse("element " + i);
  }

  private static List<Integer> range(int n) {
    List<Integer> r = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      r.add(i);
    }
    return r;
  }
}
