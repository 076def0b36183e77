package io.gradgen.onnx;

/**
 * The ONNX model is valid but uses an op, an attribute or a graph shape that gradgen cannot express
 * exactly; the message names the node, the op and what is supported. gradgen never approximates.
 */
public final class UnsupportedOnnxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception that names what is unsupported and what is.
   *
   * @param message the node, the op or attribute, and what is supported instead
   */
  public UnsupportedOnnxException(String message) {
    super(message);
  }
}
