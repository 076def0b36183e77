package io.gradgen.onnx;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Graph;
import io.gradgen.onnx.OnnxModel.Node;
import io.gradgen.onnx.OnnxModel.Tensor;
import io.gradgen.onnx.OnnxModel.ValueInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX file (a serialized {@code onnx.ModelProto}) into an {@link OnnxModel}, keeping the
 * fields of onnx.proto that gradgen uses and skipping the rest. Field numbers are those of
 * onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto).
 */
public final class OnnxReader {
  private OnnxReader() {}

  /**
   * Reads the model in {@code file}.
   *
   * @param file an .onnx file
   * @return the model
   * @throws IOException if the file cannot be read
   * @throws OnnxFormatException if it is not a valid ONNX model
   */
  public static OnnxModel read(Path file) throws IOException {
    try {
      return read(Files.readAllBytes(file));
    } catch (OnnxFormatException e) {
      throw new OnnxFormatException(file + " is not a valid ONNX model: " + e.getMessage());
    }
  }

  /**
   * Reads a serialized ModelProto.
   *
   * @param bytes the model's bytes
   * @return the model
   * @throws OnnxFormatException if the bytes are not a valid ONNX model
   */
  public static OnnxModel read(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes);
    long ir = 0;
    Map<String, Long> opsets = new LinkedHashMap<>();
    String producer = "";
    String producerVersion = "";
    Graph graph = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> ir = r.readVarint();
        case 2 -> producer = r.readString();
        case 3 -> producerVersion = r.readString();
        case 7 -> graph = graph(r.readMessage());
        case 8 -> opset(r.readMessage(), opsets);
        default -> r.skip();
      }
    }
    if (graph == null) {
      throw new OnnxFormatException("the model has no graph (ModelProto field 7)");
    }
    String by = producerVersion.isEmpty() ? producer : producer + " " + producerVersion;
    return new OnnxModel(ir, opsets, by, graph);
  }

  private static void opset(ProtoReader r, Map<String, Long> opsets) {
    String domain = "";
    long version = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> domain = r.readString();
        case 2 -> version = r.readVarint();
        default -> r.skip();
      }
    }
    opsets.put(domain, version);
  }

  private static Graph graph(ProtoReader r) {
    String name = "";
    List<Node> nodes = new ArrayList<>();
    Map<String, Tensor> initializers = new LinkedHashMap<>();
    List<ValueInfo> inputs = new ArrayList<>();
    List<ValueInfo> outputs = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> nodes.add(node(r.readMessage()));
        case 2 -> name = r.readString();
        case 5 -> {
          Tensor t = tensor(r.readMessage());
          initializers.put(t.name(), t);
        }
        case 11 -> inputs.add(valueInfo(r.readMessage()));
        case 12 -> outputs.add(valueInfo(r.readMessage()));
        case 15 -> throw new OnnxFormatException("sparse initializers are not supported");
        default -> r.skip();
      }
    }
    return new Graph(name, nodes, initializers, inputs, outputs);
  }

  private static Node node(ProtoReader r) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String name = "";
    String op = "";
    String domain = "";
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> inputs.add(r.readString());
        case 2 -> outputs.add(r.readString());
        case 3 -> name = r.readString();
        case 4 -> op = r.readString();
        case 5 -> {
          Attribute a = attribute(r.readMessage());
          attributes.put(a.name(), a);
        }
        case 7 -> domain = r.readString();
        default -> r.skip();
      }
    }
    return new Node(name, op, domain, inputs, outputs, attributes);
  }

  private static Attribute attribute(ProtoReader r) {
    String name = "";
    int type = 0;
    float f = 0;
    long i = 0;
    String s = "";
    Tensor t = null;
    FloatList floats = new FloatList();
    LongList ints = new LongList();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> name = r.readString();
        case 2 -> f = r.readFloat();
        case 3 -> i = r.readVarint();
        case 4 -> s = r.readString();
        case 5 -> t = tensor(r.readMessage());
        case 7 -> r.readFloats(floats::add);
        case 8 -> r.readVarints(ints::add);
        case 20 -> type = (int) r.readVarint();
        default -> r.skip();
      }
    }
    return new Attribute(name, type, f, i, s, floats.toArray(), ints.toArray(), t);
  }

  static Tensor tensor(ProtoReader r) {
    LongList dims = new LongList();
    int type = 0;
    String name = "";
    byte[] raw = null;
    List<Double> values = new ArrayList<>();
    LongList ints = new LongList();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> r.readVarints(dims::add);
        case 2 -> type = (int) r.readVarint();
        case 4 -> r.readFloats(v -> values.add((double) v));
        case 5, 7 -> r.readVarints(ints::add);
        case 8 -> name = r.readString();
        case 9 -> raw = r.readBytes();
        case 10 -> r.readDoubles(values::add);
        case 14 -> {
          if (r.readVarint() != 0) {
            throw new OnnxFormatException("tensor '" + name + "' keeps its data in an external file, which is not supported");
          }
        }
        default -> r.skip();
      }
    }
    Tensor t = new Tensor(name, dims.toArray(), type, values.stream().mapToDouble(Double::doubleValue).toArray(), ints.toArray());
    if (raw != null) {
      t = fromRaw(t, raw);
    }
    if (t.isFloating() ? t.values().length != t.elementCount() : t.ints().length != t.elementCount()) {
      throw new OnnxFormatException("tensor '" + name + "' has shape " + java.util.Arrays.toString(t.dims())
          + " (" + t.elementCount() + " values) but holds " + (t.isFloating() ? t.values().length : t.ints().length));
    }
    return t;
  }

  /** raw_data: the values little-endian, packed without tags; exactly as many bytes as the shape needs. */
  private static Tensor fromRaw(Tensor t, byte[] raw) {
    int size = switch (t.dataType()) {
      case Tensor.FLOAT, Tensor.INT32 -> 4;
      case Tensor.DOUBLE, Tensor.INT64 -> 8;
      case Tensor.BOOL -> 1;
      default -> throw new OnnxFormatException("tensor '" + t.name() + "' has data type " + t.dataType()
          + "; gradgen reads FLOAT (1), DOUBLE (11), INT32 (6), INT64 (7) and BOOL (9)");
    };
    long count = t.elementCount();
    if (count > raw.length / size || count * size != raw.length) {
      throw new OnnxFormatException("tensor '" + t.name() + "' has shape " + java.util.Arrays.toString(t.dims())
          + " (" + count + " values of " + size + " bytes) but its raw_data holds " + raw.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int n = (int) count;
    if (t.isFloating()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = t.dataType() == Tensor.FLOAT ? b.getFloat() : b.getDouble();
      }
      return new Tensor(t.name(), t.dims(), t.dataType(), v, new long[0]);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (size) {
        case 1 -> b.get();
        case 4 -> b.getInt();
        default -> b.getLong();
      };
    }
    return new Tensor(t.name(), t.dims(), t.dataType(), new double[0], v);
  }

  private static ValueInfo valueInfo(ProtoReader r) {
    String name = "";
    int elem = 0;
    LongList dims = new LongList();
    while (r.next()) {
      if (r.field() == 1) {
        name = r.readString();
      } else if (r.field() == 2) {
        ProtoReader type = r.readMessage();
        while (type.next()) {
          if (type.field() != 1) {
            type.skip();
            continue;
          }
          ProtoReader tensor = type.readMessage();
          while (tensor.next()) {
            if (tensor.field() == 1) {
              elem = (int) tensor.readVarint();
            } else if (tensor.field() == 2) {
              shape(tensor.readMessage(), dims);
            } else {
              tensor.skip();
            }
          }
        }
      } else {
        r.skip();
      }
    }
    return new ValueInfo(name, elem, dims.toArray());
  }

  private static void shape(ProtoReader r, LongList dims) {
    while (r.next()) {
      if (r.field() != 1) {
        r.skip();
        continue;
      }
      ProtoReader dim = r.readMessage();
      long size = -1;
      while (dim.next()) {
        if (dim.field() == 1) {
          size = dim.readVarint();
        } else {
          dim.skip();
        }
      }
      dims.add(size);
    }
  }

  /** A growable long array. */
  private static final class LongList {
    private long[] a = new long[8];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  /** A growable float array. */
  private static final class FloatList {
    private float[] a = new float[8];
    private int n;

    void add(float v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
