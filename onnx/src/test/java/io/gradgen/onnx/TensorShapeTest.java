package io.gradgen.onnx;

import static io.gradgen.onnx.UnsupportedGraphTest.assertNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.onnx.OnnxModel.Tensor;
import org.junit.jupiter.api.Test;

/** A TensorProto's shape and its raw_data agree exactly, or the tensor is refused with both. */
class TensorShapeTest {
  /** A TensorProto: dims (field 1), data_type (2), name (8), raw_data (9). */
  static byte[] tensor(int type, byte[] raw, long... dims) {
    ProtoWriter w = new ProtoWriter();
    for (long d : dims) {
      w.varint(1, d);
    }
    return w.varint(2, type).string(8, "W").bytes(9, raw).toByteArray();
  }

  static String refused(byte[] tensor) {
    return assertThrows(OnnxFormatException.class, () -> OnnxReader.tensor(new ProtoReader(tensor))).getMessage();
  }

  @Test
  void rawDataOfExactlyTheShapesBytesIsRead() {
    byte[] raw = {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}; // 1f, -2f little-endian
    assertArrayEquals(new double[] {1, -2}, OnnxReader.tensor(new ProtoReader(tensor(Tensor.FLOAT, raw, 2))).values());
  }

  @Test
  void rawDataWithBytesLeftOverIsRefused() {
    // 25 bytes: six floats and one byte more, which the reader used to drop
    assertNames(refused(tensor(Tensor.FLOAT, new byte[25], 2, 3)), "tensor 'W' has shape [2, 3]",
        "6 values of 4 bytes", "raw_data holds 25 bytes");
  }

  @Test
  void rawDataTooShortForTheShapeIsRefused() {
    assertNames(refused(tensor(Tensor.INT64, new byte[8], 2)), "tensor 'W' has shape [2]", "2 values of 8 bytes",
        "raw_data holds 8 bytes");
  }

  @Test
  void aNegativeDimensionIsRefused() {
    // [-2, -3] multiplies to 6, which used to pass for six values
    assertNames(refused(tensor(Tensor.FLOAT, new byte[24], -2, -3)), "tensor 'W' has shape [-2, -3]",
        "negative dimension -2");
  }

  @Test
  void aShapeOfMoreElementsThanALongHoldsIsRefused() {
    // 2^62 · 4 = 2^64 used to wrap to 0 and pass as an empty tensor
    assertNames(refused(tensor(Tensor.FLOAT, new byte[0], 1L << 62, 4)), "tensor 'W' has shape [4611686018427387904, 4]",
        "more than 9223372036854775807 elements");
  }
}
