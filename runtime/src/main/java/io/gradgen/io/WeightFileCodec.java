package io.gradgen.io;

import io.gradgen.Model;
import io.gradgen.data.Preprocessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The bytes of a weight file, in the format {@link WeightFile} documents: {@link #encode} writes
 * them, {@link #decode} reads and verifies them before anything is allocated for a declared length.
 */
final class WeightFileCodec {
  private static final int HEADER = 4 + 2;
  private static final int MAX_STRING = 65_535;
  private static final int CHECKSUM = 4;

  private WeightFileCodec() {}

  /** The file's bytes for {@code model} with {@code parameters}, its flat view, already copied out. */
  static byte[] encode(Model model, double[] parameters, List<? extends Preprocessor> preprocessing) {
    return encode(model, parameters, preprocessing, List.of(), List.of());
  }

  static byte[] encode(
      Model model,
      double[] parameters,
      List<? extends Preprocessor> preprocessing,
      List<? extends Preprocessor> targetPreprocessing,
      List<String> labels) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(WeightFile.MAGIC);
      out.writeShort(WeightFile.VERSION);
      out.writeUTF(stored(model.layout().fingerprint()));
      out.writeInt(parameters.length);
      for (double p : parameters) {
        out.writeDouble(p);
      }
      writePreprocessing(out, preprocessing);
      writePreprocessing(out, targetPreprocessing);
      out.writeInt(labels.size());
      for (String label : labels) {
        out.writeUTF(label);
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new AssertionError("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static void writePreprocessing(DataOutputStream out, List<? extends Preprocessor> preprocessing)
      throws IOException {
    out.writeInt(preprocessing.size());
    for (Preprocessor p : preprocessing) {
      out.writeUTF(p.kind());
      double[][] state = p.state();
      out.writeInt(state.length);
      for (double[] array : state) {
        out.writeInt(array.length);
        for (double v : array) {
          out.writeDouble(v);
        }
      }
    }
  }

  /**
   * The fingerprint as the file stores it: itself, or its SHA-256 when it is longer than a
   * string field holds (a network of many long-named layers).
   */
  static String stored(String fingerprint) {
    if (modifiedUtf8Length(fingerprint) <= MAX_STRING) {
      return fingerprint;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return "sha-256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /** Bytes of {@link java.io.DataOutput#writeUTF}'s encoding, without the length. */
  private static long modifiedUtf8Length(String s) {
    long length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    return length;
  }

  static WeightFile.Contents decode(byte[] bytes, String name) throws WeightFileException {
    if (bytes.length < HEADER + CHECKSUM) {
      throw new WeightFileException(name + " is truncated: " + bytes.length + " bytes, too short for a weight file");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != WeightFile.MAGIC) {
      throw new WeightFileException(
          name + " is not a gradgen weight file: it starts with 0x" + Integer.toHexString(magic)
              + ", expected 0x" + Integer.toHexString(WeightFile.MAGIC) + " (\"GGWF\")");
    }
    int version = Short.toUnsignedInt(in.getShort());
    if (version != 1 && version != WeightFile.VERSION) {
      throw new WeightFileException(
          name + " has format version " + version + ", this runtime reads versions 1 and " + WeightFile.VERSION);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    long stored = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, bytes.length - CHECKSUM, CHECKSUM).getInt());
    if (stored != crc.getValue()) {
      throw new WeightFileException(
          name + " is corrupted or truncated: its checksum is " + Long.toHexString(stored)
              + " but its contents give " + Long.toHexString(crc.getValue()));
    }
    ByteBuffer body = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER - CHECKSUM).slice();
    try {
      String fingerprint = readString(body, name);
      double[] parameters = readDoubles(body, name, "parameter");
      List<Preprocessor> preprocessing = readPreprocessing(body, name, "");
      List<Preprocessor> targets = List.of();
      List<String> labels = new ArrayList<>();
      if (version >= 2) {
        targets = readPreprocessing(body, name, "target ");
        int count = readCount(body, name, "label", 2);
        for (int i = 0; i < count; i++) {
          labels.add(readString(body, name));
        }
      }
      if (body.hasRemaining()) {
        throw new WeightFileException(name + " has " + body.remaining() + " unexpected bytes before its checksum");
      }
      return new WeightFile.Contents(fingerprint, parameters, preprocessing, targets, List.copyOf(labels));
    } catch (BufferUnderflowException e) {
      throw new WeightFileException(name + " is truncated: it ends inside its contents");
    }
  }

  private static List<Preprocessor> readPreprocessing(ByteBuffer body, String name, String what)
      throws WeightFileException {
    // each preprocessor takes at least 6 bytes (kind length, array count), each array 4
    int count = readCount(body, name, what + "preprocessor", 6);
    List<Preprocessor> preprocessing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String kind = readString(body, name);
      int arrays = readCount(body, name, "array", 4);
      double[][] state = new double[arrays][];
      for (int a = 0; a < arrays; a++) {
        state[a] = readDoubles(body, name, "value");
      }
      try {
        preprocessing.add(Preprocessor.restore(kind, state));
      } catch (IllegalArgumentException e) {
        throw new WeightFileException(name + " has invalid " + what + "preprocessing " + i + ": " + e.getMessage());
      }
    }
    return List.copyOf(preprocessing);
  }

  /** The inverse of {@link java.io.DataOutput#writeUTF}: a 16-bit length, then modified UTF-8. */
  private static String readString(ByteBuffer in, String name) throws WeightFileException {
    int length = Short.toUnsignedInt(in.getShort());
    byte[] encoded = new byte[2 + length];
    encoded[0] = (byte) (length >>> 8);
    encoded[1] = (byte) length;
    in.get(encoded, 2, length);
    try {
      return new DataInputStream(new ByteArrayInputStream(encoded)).readUTF();
    } catch (IOException e) {
      throw new WeightFileException(name + " is corrupted: a text field is not valid modified UTF-8");
    }
  }

  /** A count of items of at least {@code minBytes} each, so that it cannot exceed what is left. */
  private static int readCount(ByteBuffer in, String name, String what, int minBytes)
      throws WeightFileException {
    int count = in.getInt();
    if (count < 0 || (long) count * minBytes > in.remaining()) {
      throw new WeightFileException(name + " is corrupted: it claims " + count + " " + what + "s");
    }
    return count;
  }

  private static double[] readDoubles(ByteBuffer in, String name, String what) throws WeightFileException {
    int count = in.getInt();
    if (count < 0 || (long) count * Double.BYTES > in.remaining()) {
      throw new WeightFileException(
          name + " is truncated or corrupted: it claims " + count + " " + what + "s but has "
              + in.remaining() + " bytes left");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = in.getDouble();
      if (!Double.isFinite(values[i])) {
        throw new WeightFileException(
            name + " is corrupted: " + what + " " + i + " is " + values[i]
                + ", a weight file holds finite numbers only");
      }
    }
    return values;
  }
}
