package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Graph;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import io.gradgen.onnx.OnnxModel.ValueInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Writes an {@link OnnxModel} as a serialized {@code onnx.ModelProto}, with the field numbers of
 * onnx.proto. Float tensors are written as float32 raw data, little-endian, as ONNX requires.
 */
public final class OnnxWriter {
  private OnnxWriter() {}

  /**
   * The model's bytes.
   *
   * @param model the model
   * @return the serialized ModelProto
   */
  public static byte[] write(OnnxModel model) {
    ProtoWriter w = new ProtoWriter().varint(1, model.irVersion());
    String[] producer = model.producer().split(" ", 2);
    w.string(2, producer[0]);
    if (producer.length > 1) {
      w.string(3, producer[1]);
    }
    w.message(7, graph(model.graph()));
    for (Map.Entry<String, Long> opset : model.opsets().entrySet()) {
      w.message(8, new ProtoWriter().string(1, opset.getKey()).varint(2, opset.getValue()));
    }
    return w.toByteArray();
  }

  private static ProtoWriter graph(Graph g) {
    ProtoWriter w = new ProtoWriter();
    for (Node n : g.nodes()) {
      w.message(1, node(n));
    }
    w.string(2, g.name());
    for (Tensor t : g.initializers().values()) {
      w.message(5, tensor(t));
    }
    for (ValueInfo v : g.inputs()) {
      w.message(11, valueInfo(v));
    }
    for (ValueInfo v : g.outputs()) {
      w.message(12, valueInfo(v));
    }
    return w;
  }

  private static ProtoWriter node(Node n) {
    ProtoWriter w = new ProtoWriter();
    n.inputs().forEach(i -> w.string(1, i));
    n.outputs().forEach(o -> w.string(2, o));
    w.string(3, n.name()).string(4, n.opType());
    for (Attribute a : n.attributes().values()) {
      w.message(5, attribute(a));
    }
    if (!n.domain().isEmpty()) {
      w.string(7, n.domain());
    }
    return w;
  }

  private static ProtoWriter attribute(Attribute a) {
    ProtoWriter w = new ProtoWriter().string(1, a.name());
    switch (a.type()) {
      case Attribute.FLOAT -> w.float32(2, a.f());
      case Attribute.INT -> w.varint(3, a.i());
      case Attribute.STRING -> w.string(4, a.s());
      case Attribute.TENSOR -> w.message(5, tensor(a.t()));
      case Attribute.INTS -> w.packedVarints(8, a.ints());
      default -> throw new IllegalArgumentException("attribute '" + a.name() + "' has type " + a.type()
          + "; the writer writes FLOAT, INT, STRING, TENSOR and INTS");
    }
    return w.varint(20, a.type());
  }

  private static ProtoWriter tensor(Tensor t) {
    ProtoWriter w = new ProtoWriter().packedVarints(1, t.dims()).varint(2, t.dataType()).string(8, t.name());
    ByteBuffer b;
    switch (t.dataType()) {
      case Tensor.FLOAT -> {
        b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.values()) {
          b.putFloat((float) v);
        }
      }
      case Tensor.BOOL -> {
        b = ByteBuffer.allocate(t.ints().length);
        for (long v : t.ints()) {
          b.put((byte) (v != 0 ? 1 : 0));
        }
      }
      case Tensor.INT64 -> {
        b = ByteBuffer.allocate(8 * t.ints().length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : t.ints()) {
          b.putLong(v);
        }
      }
      default -> throw new IllegalArgumentException(
          "tensor '" + t.name() + "' has data type " + t.dataType() + "; the writer writes FLOAT, INT64 and BOOL");
    }
    return w.bytes(9, b.array());
  }

  private static ProtoWriter valueInfo(ValueInfo v) {
    ProtoWriter shape = new ProtoWriter();
    for (int i = 0; i < v.dims().length; i++) {
      long d = v.dims()[i];
      shape.message(1, d >= 0 ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, i == 0 ? "batch" : "d" + i));
    }
    ProtoWriter tensor = new ProtoWriter().varint(1, v.elemType()).message(2, shape);
    return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensor));
  }
}
