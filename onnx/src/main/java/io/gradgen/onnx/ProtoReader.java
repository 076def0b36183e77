package io.gradgen.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads protocol buffers' wire format: a message is a sequence of fields, each a tag (field number
 * and wire type, as a varint) followed by a varint, 8 bytes, a length-delimited byte string or 4
 * bytes. Only what ONNX files use; groups (wire types 3 and 4) are refused.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private int position;
  private final int end;
  private int tag;

  /** A reader of {@code bytes[from, to)}. */
  ProtoReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.position = from;
    this.end = to;
  }

  /** A reader of all of {@code bytes}. */
  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** Moves to the next field; false at the end of the message. */
  boolean next() {
    if (position >= end) {
      return false;
    }
    long t = varint();
    if (t >>> 32 != 0 || (t >>> 3) == 0) {
      throw new OnnxFormatException("invalid field tag " + t + " at byte " + position);
    }
    tag = (int) t;
    return true;
  }

  /** The current field's number. */
  int field() {
    return tag >>> 3;
  }

  /** The current field's wire type. */
  int wireType() {
    return tag & 7;
  }

  /** The current field's value as a varint. */
  long readVarint() {
    expect(VARINT);
    return varint();
  }

  /** The current field's value as 4 bytes holding a float. */
  float readFloat() {
    expect(FIXED32);
    return Float.intBitsToFloat((int) littleEndian(4));
  }

  /** The current field's value as 8 bytes holding a double. */
  double readDouble() {
    expect(FIXED64);
    return Double.longBitsToDouble(littleEndian(8));
  }

  /** The current field's bytes (a string, bytes, a sub-message or a packed array). */
  byte[] readBytes() {
    int[] range = range();
    byte[] out = new byte[range[1] - range[0]];
    System.arraycopy(bytes, range[0], out, 0, out.length);
    return out;
  }

  /** The current field as UTF-8 text. */
  String readString() {
    int[] range = range();
    return new String(bytes, range[0], range[1] - range[0], StandardCharsets.UTF_8);
  }

  /** A reader of the current field's sub-message. */
  ProtoReader readMessage() {
    int[] range = range();
    return new ProtoReader(bytes, range[0], range[1]);
  }

  /** The current field's values of a repeated varint field, packed or not. */
  void readVarints(LongSink sink) {
    if (wireType() == VARINT) {
      sink.accept(varint());
      return;
    }
    ProtoReader packed = readMessage();
    while (packed.position < packed.end) {
      sink.accept(packed.varint());
    }
  }

  /** The current field's values of a repeated float field, packed or not. */
  void readFloats(FloatSink sink) {
    if (wireType() == FIXED32) {
      sink.accept(readFloat());
      return;
    }
    ProtoReader packed = readMessage();
    if ((packed.end - packed.position) % 4 != 0) {
      throw new OnnxFormatException("a packed float array of " + (packed.end - packed.position) + " bytes");
    }
    while (packed.position < packed.end) {
      sink.accept(Float.intBitsToFloat((int) packed.littleEndian(4)));
    }
  }

  /** The current field's values of a repeated double field, packed or not. */
  void readDoubles(DoubleSink sink) {
    if (wireType() == FIXED64) {
      sink.accept(readDouble());
      return;
    }
    ProtoReader packed = readMessage();
    while (packed.position < packed.end) {
      sink.accept(Double.longBitsToDouble(packed.littleEndian(8)));
    }
  }

  /** Steps over the current field's value. */
  void skip() {
    switch (wireType()) {
      case VARINT -> varint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> range();
      case FIXED32 -> advance(4);
      default -> throw new OnnxFormatException(
          "wire type " + wireType() + " of field " + field() + " is not used by ONNX");
    }
  }

  /** Receives the values of a repeated integer field. */
  interface LongSink {
    void accept(long value);
  }

  /** Receives the values of a repeated float field. */
  interface FloatSink {
    void accept(float value);
  }

  /** Receives the values of a repeated double field. */
  interface DoubleSink {
    void accept(double value);
  }

  private void expect(int wireType) {
    if (wireType() != wireType) {
      throw new OnnxFormatException(
          "field " + field() + " has wire type " + wireType() + ", expected " + wireType);
    }
  }

  private int[] range() {
    expect(LENGTH_DELIMITED);
    long length = varint();
    if (length < 0 || length > end - position) {
      throw new OnnxFormatException(
          "field " + field() + " claims " + length + " bytes, but " + (end - position) + " are left");
    }
    int from = position;
    position += (int) length;
    return new int[] {from, position};
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new OnnxFormatException("the data ends inside a varint");
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new OnnxFormatException("a varint longer than 10 bytes at byte " + position);
  }

  private long littleEndian(int count) {
    advance(count);
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[position - count + i] & 0xff);
    }
    return value;
  }

  private void advance(int count) {
    if (count > end - position) {
      throw new OnnxFormatException("the data ends " + (count - (end - position)) + " bytes early");
    }
    position += count;
  }
}
