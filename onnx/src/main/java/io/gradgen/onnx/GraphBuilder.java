package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import io.gradgen.onnx.OnnxModel.ValueInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an ONNX graph node by node; each node's output is named after the node. */
final class GraphBuilder {
  /** The IR version each opset needs (onnx/helper.py's VERSION_TABLE), from opset 11. */
  private static final long[] IR_VERSION = {6, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10};

  private final long opset;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Tensor> initializers = new LinkedHashMap<>();
  private final List<ValueInfo> inputs = new ArrayList<>();
  private final List<ValueInfo> outputs = new ArrayList<>();

  GraphBuilder(long opset) {
    this.opset = opset;
  }

  long opset() {
    return opset;
  }

  /** A float input of shape [batch, features]. */
  String input(String name, int features) {
    inputs.add(new ValueInfo(name, Tensor.FLOAT, new long[] {-1, features}));
    return name;
  }

  /** Adds an initializer; returns its name. */
  String constant(Tensor t) {
    initializers.put(t.name(), t);
    return t.name();
  }

  /** A float scalar initializer named {@code name}. */
  String scalar(String name, double value) {
    return constant(Tensor.ofFloats(name, new double[] {value}));
  }

  /** Adds a node of one output named {@code name}; returns that output. */
  String node(String op, String name, List<String> in, Map<String, Attribute> attributes) {
    nodes.add(new Node(name, op, "", List.copyOf(in), List.of(name), new LinkedHashMap<>(attributes)));
    return name;
  }

  /** Renames the last node's output to the graph output {@code "output"}. */
  void output(String value, int features) {
    String name = "output";
    if (nodes.isEmpty() || !nodes.get(nodes.size() - 1).outputs().get(0).equals(value)) {
      node("Identity", name, List.of(value), Map.of());
    } else {
      Node last = nodes.remove(nodes.size() - 1);
      nodes.add(new Node(last.name(), last.opType(), last.domain(), last.inputs(), List.of(name), last.attributes()));
    }
    outputs.add(new ValueInfo(name, Tensor.FLOAT, new long[] {-1, features}));
  }

  OnnxModel build() {
    OnnxModel.Graph graph = new OnnxModel.Graph("gradgen", nodes, initializers, inputs, outputs);
    return new OnnxModel(IR_VERSION[(int) (opset - 11)], Map.of("", opset), "gradgen-onnx", graph);
  }
}
