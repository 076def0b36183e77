package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import java.util.Set;

/** Reading a node's attributes, with an error naming the node for any attribute gradgen does not read. */
final class OnnxNodes {
  private OnnxNodes() {}

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
    return a.t();
  }

  private static void check(Node node, Attribute a, int type, String typeName) {
    if (a.type() != type && a.type() != 0) {
      throw new OnnxFormatException(node.describe() + " has attribute '" + a.name() + "' of type " + a.type()
          + ", expected " + typeName + " (" + type + ")");
    }
  }
}
