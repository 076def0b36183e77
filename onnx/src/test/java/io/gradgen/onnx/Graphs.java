package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import io.gradgen.onnx.OnnxModel.ValueInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-built ONNX graphs for the ops and attributes PyTorch's exporter does not emit. */
final class Graphs {
  private final long opset;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Tensor> initializers = new LinkedHashMap<>();
  private final ValueInfo input;
  private final Random random = new Random(11);
  private String last;

  /** A graph of opset {@code opset} whose input "x" has {@code dims} after the batch. */
  Graphs(long opset, long... dims) {
    this.opset = opset;
    long[] full = new long[dims.length + 1];
    full[0] = -1;
    System.arraycopy(dims, 0, full, 1, dims.length);
    this.input = new ValueInfo("x", Tensor.FLOAT, full);
    this.last = "x";
  }

  /** A constant of random float32 values. */
  String weights(String name, long... dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (random.nextGaussian() * 0.7);
    }
    initializers.put(name, Tensor.ofFloats(name, v, dims));
    return name;
  }

  /** An int64 constant. */
  String ints(String name, long... values) {
    initializers.put(name, Tensor.ofInts(name, values, values.length));
    return name;
  }

  /** A boolean scalar constant false (Dropout's training_mode), stored as one int64. */
  String boolFalse(String name) {
    initializers.put(name, new Tensor(name, new long[0], Tensor.BOOL, new double[0], new long[] {0}));
    return name;
  }

  /** A float scalar constant. */
  String scalar(String name, double value) {
    initializers.put(name, Tensor.ofFloats(name, new double[] {value}));
    return name;
  }

  /** The data path so far. */
  String data() {
    return last;
  }

  /** A node whose output continues the data path. */
  Graphs node(String op, String name, List<String> inputs, Attribute... attributes) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    for (Attribute at : attributes) {
      a.put(at.name(), at);
    }
    nodes.add(new Node(name, op, "", inputs, List.of(name + "_out"), a));
    last = name + "_out";
    return this;
  }

  /** A node on the data path with its other inputs after it. */
  Graphs then(String op, String name, String... others) {
    List<String> in = new ArrayList<>(List.of(last));
    in.addAll(List.of(others));
    return node(op, name, in);
  }

  /** A node on the data path with attributes. */
  Graphs then(String op, String name, List<String> others, Attribute... attributes) {
    List<String> in = new ArrayList<>(List.of(last));
    in.addAll(others);
    return node(op, name, in, attributes);
  }

  /** A Constant node holding {@code t}, off the data path. */
  Graphs constantNode(String name, Tensor t) {
    nodes.add(new Node(name, "Constant", "", List.of(), List.of(name), Map.of("value", Attribute.ofTensor("value", t))));
    return this;
  }

  OnnxModel build(long outputs) {
    OnnxModel.Graph g = new OnnxModel.Graph("test", nodes, initializers, List.of(input),
        List.of(new ValueInfo(last, Tensor.FLOAT, new long[] {-1, outputs})));
    // the IR version each opset needs: 7 to 12, 8 to 18, 9 to 20, 10 for 21
    long ir = opset <= 12 ? 7 : opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
    return new OnnxModel(ir, Map.of("", opset), "gradgen-tests", g);
  }
}
