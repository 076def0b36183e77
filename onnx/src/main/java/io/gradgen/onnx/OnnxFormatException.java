package io.gradgen.onnx;

/** The bytes are not a valid ONNX model (a broken protobuf message or a missing required part). */
public final class OnnxFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception that says what is wrong with the file.
   *
   * @param message what is wrong, with the position or field where it was found
   */
  public OnnxFormatException(String message) {
    super(message);
  }
}
