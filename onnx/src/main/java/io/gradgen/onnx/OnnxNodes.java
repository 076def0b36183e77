package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import java.util.Map;
import java.util.Set;

/**
 * Reading a node's inputs, outputs and attributes, with an error naming the node for a count
 * onnx.proto's operator does not allow or an attribute gradgen does not read.
 */
final class OnnxNodes {
  private OnnxNodes() {}

  /** The operands each op read takes (ONNX's operator docs): fewest and most inputs, then outputs. */
  private static final Map<String, int[]> ARITY = Map.ofEntries(
      Map.entry("Constant", new int[] {0, 0, 1, 1}),
      Map.entry("Identity", new int[] {1, 1, 1, 1}),
      Map.entry("Dropout", new int[] {1, 3, 1, 2}),
      Map.entry("Flatten", new int[] {1, 1, 1, 1}),
      Map.entry("Reshape", new int[] {2, 2, 1, 1}),
      Map.entry("Gemm", new int[] {2, 3, 1, 1}),
      Map.entry("MatMul", new int[] {2, 2, 1, 1}),
      Map.entry("Add", new int[] {2, 2, 1, 1}),
      Map.entry("Relu", new int[] {1, 1, 1, 1}),
      Map.entry("Sigmoid", new int[] {1, 1, 1, 1}),
      Map.entry("Tanh", new int[] {1, 1, 1, 1}),
      Map.entry("LeakyRelu", new int[] {1, 1, 1, 1}),
      Map.entry("Elu", new int[] {1, 1, 1, 1}),
      Map.entry("Softmax", new int[] {1, 1, 1, 1}),
      Map.entry("LogSoftmax", new int[] {1, 1, 1, 1}));

  /**
   * Fails unless {@code node}, an op gradgen reads, has as many inputs and outputs as its operator
   * takes, its first output named; other ops are refused later by name.
   */
  static void arity(Node node) {
    int[] a = ARITY.get(node.opType());
    if (a == null) {
      return;
    }
    count(node, "input", node.inputs().size(), a[0], a[1]);
    count(node, "output", node.outputs().size(), a[2], a[3]);
    if (node.outputs().get(0).isEmpty()) {
      throw new OnnxFormatException(node.describe() + " has an empty name for its output; " + node.opType()
          + " needs its output named");
    }
  }

  private static void count(Node node, String what, int actual, int min, int max) {
    if (actual < min || actual > max) {
      String expected = min == max ? "exactly " + min : min + " to " + max;
      throw new OnnxFormatException(node.describe() + " has " + actual + " " + what + (actual == 1 ? "" : "s")
          + (what.equals("input") ? " " + node.inputs() : "") + "; " + node.opType() + " takes " + expected);
    }
  }

  /** Fails unless every attribute of {@code node} is one of {@code known}. */
  static void attributes(Node node, String... known) {
    Set<String> allowed = Set.of(known);
    for (String name : node.attributes().keySet()) {
      if (!allowed.contains(name)) {
        throw new UnsupportedOnnxException(node.describe() + " has the attribute '" + name + "', which gradgen does not"
            + " read; it reads " + (known.length == 0 ? "no attributes" : "only " + String.join(", ", known))
            + " of " + node.opType());
      }
    }
  }

  static long intAttribute(Node node, String name, long otherwise) {
    Attribute a = node.attributes().get(name);
    if (a == null) {
      return otherwise;
    }
    check(node, a, Attribute.INT, "INT");
    return a.i();
  }

  static float floatAttribute(Node node, String name, float otherwise) {
    Attribute a = node.attributes().get(name);
    if (a == null) {
      return otherwise;
    }
    check(node, a, Attribute.FLOAT, "FLOAT");
    return a.f();
  }

  static Tensor tensorAttribute(Node node, String name) {
    Attribute a = node.attributes().get(name);
    if (a == null) {
      throw new UnsupportedOnnxException(node.describe() + " has no '" + name + "' attribute; gradgen reads a"
          + " Constant's 'value' tensor");
    }
    check(node, a, Attribute.TENSOR, "TENSOR");
    if (a.t() == null) {
      throw new OnnxFormatException(node.describe() + " has the TENSOR attribute '" + name + "' without a tensor"
          + " (AttributeProto field 5, t, is missing)");
    }
    return a.t();
  }

  private static void check(Node node, Attribute a, int type, String typeName) {
    if (a.type() != type && a.type() != 0) {
      throw new OnnxFormatException(node.describe() + " has attribute '" + a.name() + "' of type " + a.type()
          + ", expected " + typeName + " (" + type + ")");
    }
  }
}
