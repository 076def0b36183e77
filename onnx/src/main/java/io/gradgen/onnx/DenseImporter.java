package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import io.gradgen.onnx.OnnxModel.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an ONNX graph of dense layers into an {@link ImportedNetwork}: follows the one data path
 * from the graph's input to its output, node by node, and maps each node onto the layer it belongs
 * to. Every op, attribute value and graph shape outside what gradgen computes exactly is an {@link
 * UnsupportedOnnxException} naming the node.
 */
public final class DenseImporter {
  /** The oldest default operator set read; the semantics of these ops were checked from it on. */
  public static final long MIN_OPSET = 11;

  /** The newest default operator set read; the ops read here have not changed up to it. */
  public static final long MAX_OPSET = 21;

  /** The ops read, for error messages. */
  static final String SUPPORTED = "Gemm, MatMul + Add (bias), Relu, LeakyRelu, Elu (alpha 1), Sigmoid, Tanh,"
      + " Softmax and LogSoftmax (last axis, output only), Identity, Dropout (inference), Flatten (axis 1),"
      + " Reshape to [batch, features] with a constant shape, Constant";

  /** Ops of layers gradgen does not have yet. */
  private static final Set<String> LATER = Set.of(
      "Conv", "MaxPool", "AveragePool", "GlobalAveragePool", "LayerNormalization", "BatchNormalization");

  private final OnnxModel model;
  private final Map<String, Tensor> constants = new HashMap<>();
  private final List<LayerBuilder> layers = new ArrayList<>();
  private String current;
  private long[] shape;
  private boolean logSoftmax;

  private DenseImporter(OnnxModel model) {
    this.model = model;
    constants.putAll(model.graph().initializers());
  }

  /**
   * Reads the dense network of {@code model}.
   *
   * @param model an ONNX model of dense layers
   * @return the network, its parameters in gradgen's layout order
   * @throws UnsupportedOnnxException naming the node, op or attribute that gradgen cannot express
   * @throws OnnxFormatException naming a node with more or fewer inputs or outputs than its op takes
   */
  public static ImportedNetwork read(OnnxModel model) {
    return new DenseImporter(model).run();
  }

  private ImportedNetwork run() {
    long opset = model.opset();
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new UnsupportedOnnxException("the model uses operator set " + opset + " of ai.onnx; gradgen reads "
          + MIN_OPSET + " to " + MAX_OPSET + " (re-export with e.g. opset_version=17)");
    }
    ValueInfo input = dataInput();
    current = input.name();
    shape = input.dims();
    for (Node node : model.graph().nodes()) {
      step(node);
    }
    List<ValueInfo> outputs = model.graph().outputs();
    if (outputs.size() != 1 || !outputs.get(0).name().equals(current)) {
      throw new UnsupportedOnnxException("the graph's outputs " + outputs.stream().map(ValueInfo::name).toList()
          + " are not the one value '" + current + "' at the end of the dense layers; gradgen models have one output");
    }
    if (layers.isEmpty()) {
      throw new UnsupportedOnnxException("the graph has no Gemm or MatMul: there is no dense layer to import");
    }
    List<ImportedNetwork.Layer> out = new ArrayList<>();
    List<Double> parameters = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerBuilder l = layers.get(i);
      if ((l.activation == Activation.SOFTMAX) && i != layers.size() - 1) {
        throw new UnsupportedOnnxException(l.activationNode.describe() + " is a softmax between dense layers;"
            + " gradgen has softmax on the output layer only");
      }
      String name = JavaNames.layerName(l.weightName, i, names);
      names.add(name);
      out.add(new ImportedNetwork.Layer(name, l.units, l.activation, l.bias, l.slope, String.join(", ", l.sources)));
      for (double w : l.weights) {
        parameters.add(w);
      }
      for (double b : l.biases) {
        parameters.add(b);
      }
    }
    int inputs = layers.get(0).fanIn;
    long[] inputShape = java.util.Arrays.copyOfRange(input.dims(), 1, input.dims().length);
    return new ImportedNetwork(inputs, inputShape, out, parameters.stream().mapToDouble(Double::doubleValue).toArray(),
        logSoftmax, opset, model.producer());
  }

  private ValueInfo dataInput() {
    List<ValueInfo> data = model.graph().inputs().stream()
        .filter(v -> !constants.containsKey(v.name())).toList();
    if (data.size() != 1) {
      throw new UnsupportedOnnxException("the graph has " + data.size() + " data inputs "
          + data.stream().map(ValueInfo::name).toList() + "; gradgen models read one");
    }
    ValueInfo in = data.get(0);
    if (in.elemType() != Tensor.FLOAT && in.elemType() != Tensor.DOUBLE) {
      throw new UnsupportedOnnxException("input '" + in.name() + "' has element type " + in.elemType()
          + "; gradgen reads FLOAT (1) or DOUBLE (11) inputs");
    }
    if (in.dims().length < 2) {
      throw new UnsupportedOnnxException("input '" + in.name() + "' has shape " + java.util.Arrays.toString(in.dims())
          + "; gradgen reads [batch, features...]");
    }
    for (int i = 1; i < in.dims().length; i++) {
      if (in.dims()[i] < 1) {
        throw new UnsupportedOnnxException("input '" + in.name() + "' has an unknown size in dimension " + i
            + "; only the batch dimension (0) may be symbolic");
      }
    }
    return in;
  }

  private void step(Node node) {
    if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
      throw unsupported(node, "is in the operator set '" + node.domain() + "'");
    }
    OnnxNodes.arity(node);
    if (node.opType().equals("Constant")) {
      OnnxNodes.attributes(node, "value");
      constants.put(node.outputs().get(0), OnnxNodes.tensorAttribute(node, "value"));
      return;
    }
    boolean reads = !node.inputs().isEmpty() && (node.inputs().get(0).equals(current)
        || node.opType().equals("Add") && node.inputs().contains(current));
    if (!reads) {
      throw unsupported(node, "does not read the data path '" + current + "' as its first input"
          + " (a branch, a computed shape, or the data as a second operand)");
    }
    switch (node.opType()) {
      case "Identity" -> OnnxNodes.attributes(node);
      case "Dropout" -> dropout(node);
      case "Flatten" -> flatten(node);
      case "Reshape" -> reshape(node);
      case "Gemm" -> gemm(node);
      case "MatMul" -> matMul(node);
      case "Add" -> add(node);
      case "Relu" -> plain(node, Activation.RELU);
      case "Sigmoid" -> plain(node, Activation.SIGMOID);
      case "Tanh" -> plain(node, Activation.TANH);
      case "LeakyRelu" -> {
        OnnxNodes.attributes(node, "alpha");
        activation(node, Activation.LEAKY_RELU, OnnxNodes.floatAttribute(node, "alpha", 0.01f));
      }
      case "Elu" -> {
        OnnxNodes.attributes(node, "alpha");
        float alpha = OnnxNodes.floatAttribute(node, "alpha", 1f);
        if (alpha != 1f) {
          throw unsupported(node, "has alpha = " + alpha + "; gradgen's ELU has alpha 1");
        }
        activation(node, Activation.ELU, 0.01);
      }
      case "Softmax", "LogSoftmax" -> softmax(node);
      default -> throw unsupported(node, LATER.contains(node.opType())
          ? "is not a dense layer; Conv, pooling and normalization layers come with gradgen's 'beyond dense layers' work"
          : "is not an op gradgen imports");
    }
    current = node.outputs().get(0);
  }

  private void dropout(Node node) {
    OnnxNodes.attributes(node, "ratio", "seed", "is_test");
    if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
      Tensor training = constants.get(node.inputs().get(2));
      if (training == null || training.ints().length != 1 || training.ints()[0] != 0) {
        throw unsupported(node, "has a training_mode input that is not the constant false; gradgen imports inference graphs");
      }
    }
    for (int i = 1; i < node.outputs().size(); i++) {
      if (!node.outputs().get(i).isEmpty() && isRead(node.outputs().get(i))) {
        throw unsupported(node, "has its mask output read by another node");
      }
    }
  }

  private void flatten(Node node) {
    OnnxNodes.attributes(node, "axis");
    long axis = OnnxNodes.intAttribute(node, "axis", 1);
    if (axis != 1) {
      throw unsupported(node, "has axis = " + axis + "; gradgen flattens at axis 1, keeping the batch dimension");
    }
    shape = new long[] {shape[0], features(node)};
  }

  private void reshape(Node node) {
    OnnxNodes.attributes(node, "allowzero");
    Tensor target = constants.get(node.inputs().get(1));
    if (target == null) {
      throw unsupported(node, "has a computed shape; gradgen reads a Reshape of a constant shape");
    }
    long features = features(node);
    long[] s = target.ints();
    boolean flat = s.length == 2 && ((s[1] == features && (s[0] == -1 || s[0] == 0)) || (s[0] == 0 && s[1] == -1));
    if (!flat || OnnxNodes.intAttribute(node, "allowzero", 0) != 0) {
      throw unsupported(node, "reshapes to " + java.util.Arrays.toString(s) + "; gradgen reads a Reshape to [-1, "
          + features + "] or [0, -1] (flattening the features, keeping the batch)");
    }
    shape = new long[] {shape[0], features};
  }

  private void gemm(Node node) {
    OnnxNodes.attributes(node, "alpha", "beta", "transA", "transB");
    if (OnnxNodes.intAttribute(node, "transA", 0) != 0) {
      throw unsupported(node, "has transA = 1; gradgen reads Gemm with the data as A, untransposed");
    }
    boolean transB = OnnxNodes.intAttribute(node, "transB", 0) != 0;
    double alpha = OnnxNodes.floatAttribute(node, "alpha", 1f);
    double beta = OnnxNodes.floatAttribute(node, "beta", 1f);
    Tensor b = weight(node, 1);
    LayerBuilder layer = newLayer(node, b, transB);
    for (int i = 0; i < layer.weights.length; i++) {
      layer.weights[i] *= alpha; // a product of two floats is exact in double
    }
    if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
      layer.setBias(node, constant(node, 2), beta);
    } else {
      layer.biasOpen = true; // a Gemm without C, then an Add of a constant, is a MatMul and its bias
    }
  }

  private void matMul(Node node) {
    OnnxNodes.attributes(node);
    newLayer(node, weight(node, 1), false).biasOpen = true;
  }

  private void add(Node node) {
    OnnxNodes.attributes(node);
    int other = node.inputs().get(0).equals(current) ? 1 : 0;
    Tensor c = constants.get(node.inputs().get(other));
    LayerBuilder last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
    if (c == null) {
      throw unsupported(node, "adds two computed values (a residual connection); it comes with gradgen's"
          + " 'beyond dense layers' work");
    }
    if (last == null || !last.biasOpen) {
      throw unsupported(node, "adds a constant that is not the bias right after a MatMul (or a Gemm without C)");
    }
    last.setBias(node, c, 1.0);
  }

  private void plain(Node node, Activation activation) {
    OnnxNodes.attributes(node);
    activation(node, activation, 0.01);
  }

  private void activation(Node node, Activation activation, double slope) {
    LayerBuilder last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
    if (last == null || last.activation != Activation.IDENTITY || shape.length != 2) {
      throw unsupported(node, last == null ? "comes before the first dense layer; gradgen applies activations to a"
          + " dense layer's output" : "follows another activation; a gradgen layer has one activation");
    }
    last.activation = activation;
    last.slope = slope;
    last.biasOpen = false;
    last.activationNode = node;
    last.sources.add(node.opType());
  }

  private void softmax(Node node) {
    OnnxNodes.attributes(node, "axis");
    long axis = OnnxNodes.intAttribute(node, "axis", model.opset() >= 13 ? -1 : 1);
    if (axis != 1 && axis != -1) {
      throw unsupported(node, "has axis = " + axis + "; gradgen's softmax runs over the features (axis 1 or -1)");
    }
    activation(node, Activation.SOFTMAX, 0.01);
    logSoftmax = node.opType().equals("LogSoftmax");
  }

  private LayerBuilder newLayer(Node node, Tensor b, boolean transposed) {
    if (shape.length != 2) {
      throw unsupported(node, "reads data of shape " + java.util.Arrays.toString(shape)
          + "; gradgen's dense layers read [batch, features] (add a Flatten)");
    }
    if (b.dims().length != 2 || b.dims()[0] < 1 || b.dims()[1] < 1 || b.elementCount() > Integer.MAX_VALUE) {
      throw unsupported(node, "has a weight of shape " + java.util.Arrays.toString(b.dims())
          + "; expected a matrix of at least one row and column, and fewer than 2^31 elements");
    }
    LayerBuilder last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
    if (last != null && last.activation == Activation.SOFTMAX) {
      throw unsupported(node, "follows a softmax; gradgen has softmax on the output layer only");
    }
    int fanIn = (int) (transposed ? b.dims()[1] : b.dims()[0]);
    int units = (int) (transposed ? b.dims()[0] : b.dims()[1]);
    if (fanIn != shape[1]) {
      throw unsupported(node, "multiplies " + shape[1] + " features by a weight for " + fanIn);
    }
    LayerBuilder layer = new LayerBuilder(b.name(), fanIn, units);
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < fanIn; i++) {
        // w[unit][input]: B is [units, inputs] when transposed (PyTorch's Linear), else [inputs, units]
        layer.weights[u * fanIn + i] = b.values()[transposed ? u * fanIn + i : i * units + u];
      }
    }
    layer.sources.add(node.opType() + (transposed ? " (transB)" : ""));
    layers.add(layer);
    shape = new long[] {shape[0], units};
    return layer;
  }

  private Tensor weight(Node node, int index) {
    Tensor t = constant(node, index);
    if (!t.isFloating()) {
      throw unsupported(node, "has a weight '" + t.name() + "' of data type " + t.dataType() + "; expected FLOAT or DOUBLE");
    }
    return t;
  }

  private Tensor constant(Node node, int index) {
    String name = node.inputs().get(index);
    Tensor t = constants.get(name);
    if (t == null) {
      throw unsupported(node, "reads '" + name + "' as a weight, but it is not a constant (an initializer or Constant)");
    }
    return t;
  }

  private long features(Node node) {
    long n = 1;
    for (int i = 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  private boolean isRead(String value) {
    return model.graph().nodes().stream().anyMatch(n -> n.inputs().contains(value))
        || model.graph().outputs().stream().anyMatch(v -> v.name().equals(value));
  }

  static UnsupportedOnnxException unsupported(Node node, String why) {
    return new UnsupportedOnnxException(node.describe() + " " + why + ". gradgen imports: " + SUPPORTED);
  }

  /** A dense layer being read: Gemm or MatMul, then maybe a bias Add, then maybe an activation. */
  private static final class LayerBuilder {
    final String weightName;
    final int fanIn;
    final int units;
    final double[] weights;
    double[] biases = new double[0];
    Bias bias = Bias.NONE;
    Activation activation = Activation.IDENTITY;
    double slope = 0.01;
    boolean biasOpen;
    Node activationNode;
    final List<String> sources = new ArrayList<>();

    LayerBuilder(String weightName, int fanIn, int units) {
      this.weightName = weightName;
      this.fanIn = fanIn;
      this.units = units;
      this.weights = new double[fanIn * units];
    }

    void setBias(Node node, Tensor c, double beta) {
      if (!c.isFloating()) {
        throw unsupported(node, "has a bias of data type " + c.dataType() + "; expected FLOAT or DOUBLE");
      }
      long n = c.elementCount();
      boolean row = c.dims().length <= 1 || (c.dims().length == 2 && c.dims()[0] == 1);
      if (!row || (n != units && n != 1)) {
        throw unsupported(node, "has a bias of shape " + java.util.Arrays.toString(c.dims()) + "; gradgen reads ["
            + units + "] (one per unit) or [1] (shared)");
      }
      bias = n == 1 && units != 1 ? Bias.SHARED : Bias.PER_NEURON;
      biases = new double[(int) n];
      for (int i = 0; i < n; i++) {
        biases[i] = beta * c.values()[i];
      }
      biasOpen = false;
      sources.add(node.opType().equals("Add") ? "Add (bias)" : "bias");
    }
  }
}
