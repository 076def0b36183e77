package io.gradgen.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protocol buffers' wire format: the fields of one message, in the order they are added. */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds a varint field (int32, int64, enum). */
  ProtoWriter varint(int field, long value) {
    tag(field, ProtoReader.VARINT);
    rawVarint(value);
    return this;
  }

  /** Adds a float field. */
  ProtoWriter float32(int field, float value) {
    tag(field, ProtoReader.FIXED32);
    rawLittleEndian(Float.floatToRawIntBits(value), 4);
    return this;
  }

  /** Adds a string field. */
  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a bytes field. */
  ProtoWriter bytes(int field, byte[] value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** Adds a sub-message field. */
  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** Adds a packed repeated int64 field. */
  ProtoWriter packedVarints(int field, long[] values) {
    ProtoWriter packed = new ProtoWriter();
    for (long v : values) {
      packed.rawVarint(v);
    }
    return bytes(field, packed.toByteArray());
  }

  /** The message's bytes. */
  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    rawVarint((long) field << 3 | wireType);
  }

  private void rawVarint(long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private void rawLittleEndian(long value, int count) {
    for (int i = 0; i < count; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }
}
