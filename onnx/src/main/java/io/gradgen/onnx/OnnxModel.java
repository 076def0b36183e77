package io.gradgen.onnx;

import java.util.List;
import java.util.Map;

/**
 * The part of an ONNX model that gradgen reads and writes: its IR version, the operator sets it
 * imports, who produced it, and its graph.
 *
 * @param irVersion the ONNX IR version of the file
 * @param opsets the imported operator sets: domain ("" for the default ai.onnx) to version
 * @param producer the producing tool's name and version, e.g. "pytorch 1.13.0"
 * @param graph the computation
 */
public record OnnxModel(long irVersion, Map<String, Long> opsets, String producer, Graph graph) {
  /**
   * The version of the default operator set (domain "" or "ai.onnx").
   *
   * @return the version of the default operator set, or 0 when the model imports none
   */
  public long opset() {
    Long v = opsets.get("");
    if (v == null) {
      v = opsets.get("ai.onnx");
    }
    return v == null ? 0 : v;
  }

  /**
   * A computation graph: nodes in topological order, constant tensors, inputs and outputs.
   *
   * @param name the graph's name
   * @param nodes the nodes, each after the nodes whose outputs it reads
   * @param initializers the constant tensors (trained parameters, shapes), by name
   * @param inputs the graph's inputs (an initializer may also be listed as an input)
   * @param outputs the graph's outputs
   */
  public record Graph(
      String name, List<Node> nodes, Map<String, Tensor> initializers, List<ValueInfo> inputs, List<ValueInfo> outputs) {}

  /**
   * One operator application.
   *
   * @param name the node's name (may be empty)
   * @param opType the operator, e.g. "Gemm"
   * @param domain the operator set's domain ("" for the default)
   * @param inputs the names of the values it reads ("" for an omitted optional input)
   * @param outputs the names of the values it writes
   * @param attributes its attributes by name
   */
  public record Node(
      String name, String opType, String domain, List<String> inputs, List<String> outputs,
      Map<String, Attribute> attributes) {
    /**
     * How errors name this node: its name and op type, or its first output when it has no name.
     *
     * @return how errors name this node
     */
    public String describe() {
      String id = name.isEmpty() ? "(unnamed, output '" + (outputs.isEmpty() ? "" : outputs.get(0)) + "')" : "'" + name + "'";
      return "node " + id + " (" + opType + ")";
    }
  }

  /**
   * A named attribute of a node; which fields are set depends on {@code type}.
   *
   * @param name the attribute's name
   * @param type ONNX's AttributeType: 1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS, …
   * @param f the value of a FLOAT attribute
   * @param i the value of an INT attribute
   * @param s the value of a STRING attribute
   * @param floats the values of a FLOATS attribute
   * @param ints the values of an INTS attribute
   * @param t the value of a TENSOR attribute, or null
   */
  public record Attribute(String name, int type, float f, long i, String s, float[] floats, long[] ints, Tensor t) {
    /** AttributeType FLOAT. */
    public static final int FLOAT = 1;
    /** AttributeType INT. */
    public static final int INT = 2;
    /** AttributeType STRING. */
    public static final int STRING = 3;
    /** AttributeType TENSOR. */
    public static final int TENSOR = 4;
    /** AttributeType INTS. */
    public static final int INTS = 7;

    /**
     * A FLOAT attribute.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a FLOAT attribute
     */
    public static Attribute ofFloat(String name, float value) {
      return new Attribute(name, FLOAT, value, 0, "", new float[0], new long[0], null);
    }

    /**
     * An INT attribute.
     *
     * @param name the attribute's name
     * @param value its value
     * @return an INT attribute
     */
    public static Attribute ofInt(String name, long value) {
      return new Attribute(name, INT, 0, value, "", new float[0], new long[0], null);
    }

    /**
     * A STRING attribute.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a STRING attribute
     */
    public static Attribute ofString(String name, String value) {
      return new Attribute(name, STRING, 0, 0, value, new float[0], new long[0], null);
    }

    /**
     * A TENSOR attribute.
     *
     * @param name the attribute's name
     * @param value its value
     * @return a TENSOR attribute
     */
    public static Attribute ofTensor(String name, Tensor value) {
      return new Attribute(name, TENSOR, 0, 0, "", new float[0], new long[0], value);
    }
  }

  /**
   * A constant tensor: its shape and values. Floating-point tensors keep their values in {@code
   * values} (float32 values widen to double exactly), integer tensors in {@code ints}.
   *
   * @param name the tensor's name
   * @param dims its shape
   * @param dataType ONNX's TensorProto.DataType: 1 FLOAT, 7 INT64, 11 DOUBLE, …
   * @param values the values of a FLOAT or DOUBLE tensor, row-major
   * @param ints the values of an integer tensor, row-major
   */
  public record Tensor(String name, long[] dims, int dataType, double[] values, long[] ints) {
    /** DataType FLOAT (float32). */
    public static final int FLOAT = 1;
    /** DataType INT32. */
    public static final int INT32 = 6;
    /** DataType INT64. */
    public static final int INT64 = 7;
    /** DataType BOOL, read into {@code ints} as 0 and 1. */
    public static final int BOOL = 9;
    /** DataType DOUBLE (float64). */
    public static final int DOUBLE = 11;

    /**
     * A float32 tensor; {@code values} are rounded to float when written.
     *
     * @param name the tensor's name
     * @param values the values, row-major
     * @param dims the shape
     * @return a float32 tensor
     */
    public static Tensor ofFloats(String name, double[] values, long... dims) {
      return new Tensor(name, dims, FLOAT, values, new long[0]);
    }

    /**
     * An int64 tensor.
     *
     * @param name the tensor's name
     * @param values the values, row-major
     * @param dims the shape
     * @return an int64 tensor
     */
    public static Tensor ofInts(String name, long[] values, long... dims) {
      return new Tensor(name, dims, INT64, new double[0], values);
    }

    /**
     * True for a FLOAT or DOUBLE tensor.
     *
     * @return true for a FLOAT or DOUBLE tensor
     */
    public boolean isFloating() {
      return dataType == FLOAT || dataType == DOUBLE;
    }

    /**
     * The number of elements its shape holds.
     *
     * @return the product of {@link #dims()}
     * @throws OnnxFormatException if a dimension is negative or the product exceeds a long
     */
    public long elementCount() {
      long n = 1;
      for (long d : dims) {
        if (d < 0) {
          throw new OnnxFormatException("tensor '" + name + "' has shape " + java.util.Arrays.toString(dims)
              + ", with the negative dimension " + d + "; a tensor's dimensions are 0 or more");
        }
        try {
          n = Math.multiplyExact(n, d);
        } catch (ArithmeticException e) {
          throw new OnnxFormatException("tensor '" + name + "' has shape " + java.util.Arrays.toString(dims)
              + ", more than " + Long.MAX_VALUE + " elements");
        }
      }
      return n;
    }
  }

  /**
   * A graph input or output: its name, element type and shape.
   *
   * @param name the value's name
   * @param elemType its element type (TensorProto.DataType), 0 when not given
   * @param dims its shape: a size, or -1 for a symbolic or unknown dimension (such as the batch)
   */
  public record ValueInfo(String name, int elemType, long[] dims) {}
}
