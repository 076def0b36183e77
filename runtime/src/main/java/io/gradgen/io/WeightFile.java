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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Saves and loads a model's parameters together with its fitted preprocessing.
 *
 * <pre>{@code
 * WeightFile.save(Path.of("iris.ggw"), model, List.of(standardizer));
 * List<Preprocessor> preprocessing = WeightFile.load(Path.of("iris.ggw"), model);
 * }</pre>
 *
 * <h2>Format, version 2</h2>
 *
 * All numbers big-endian; strings as Java's modified UTF-8 with an unsigned 16-bit byte length
 * ({@link java.io.DataOutput#writeUTF}).
 *
 * <pre>
 * magic            4 bytes   "GGWF" (0x47 0x47 0x57 0x46)
 * version          uint16    2 (version 1 files, which end after the preprocessors, still load)
 * fingerprint      string    {@link io.gradgen.NetworkLayout#fingerprint()} of the model's
 *                            architecture; when that takes more than 65,535 bytes of modified
 *                            UTF-8, "sha-256:" and the hex SHA-256 of its UTF-8 bytes instead
 * parameter count  int32     P
 * parameters       P × float64 (IEEE 754, finite), in the model's layout order
 * preprocessors    int32     K, applied in this order
 *   per preprocessor:
 *     kind         string    {@link Preprocessor#kind()}, e.g. "standardize"
 *     arrays       int32     A
 *     per array:   int32 length L, then L × float64   ({@link Preprocessor#state()})
 * target preprocessors int32 T, then T preprocessors as above: the scaling of regression targets,
 *                  which predictions go through in reverse
 * labels           int32 L, then L strings: the class names of outputs 0..L−1 (none for regression)
 * checksum         uint32    CRC-32 of every byte before it
 * </pre>
 *
 * <p>Loading reads the whole file and checks the magic, the version, the checksum, the structure,
 * the fingerprint, the parameter count and that every number is finite before it writes a single
 * parameter, so a file made for another architecture, truncated or corrupted fails with a {@link
 * WeightFileException} and leaves the model untouched. A declared length is checked against the
 * bytes left before anything is allocated for it.
 *
 * <p>Saving is atomic: the bytes go to a temporary file in the target's directory, which is
 * flushed to disk ({@link FileChannel#force}) and then renamed over the target ({@link
 * StandardCopyOption#ATOMIC_MOVE}). A crash or an error mid-save leaves the previous file intact;
 * the temporary file of a save that was killed is removed by the next save of the same file.
 */
public final class WeightFile {
  /** The first four bytes of every weight file: "GGWF". */
  public static final int MAGIC = 0x47475746;

  /** The format version this class writes; it reads this one and version 1. */
  public static final int VERSION = 2;

  /** The largest file {@link #read} accepts (1 GiB). */
  static final long MAX_SIZE = 1L << 30;

  private static final int HEADER = 4 + 2;
  private static final int MAX_STRING = 65_535;
  private static final int CHECKSUM = 4;

  private WeightFile() {}

  /**
   * What a weight file holds.
   *
   * @param fingerprint the architecture the parameters were saved from
   * @param parameters the parameters, in layout order
   * @param preprocessing the fitted preprocessing of the inputs, in the order to apply it
   * @param targetPreprocessing the fitted scaling of the targets (regression), in the order it was
   *     applied; predictions are mapped back through it in reverse ({@link #inverseTargets})
   * @param labels the class names of the model's outputs, empty for regression
   */
  public record Contents(
      String fingerprint,
      double[] parameters,
      List<Preprocessor> preprocessing,
      List<Preprocessor> targetPreprocessing,
      List<String> labels) {
    /**
     * Contents without target scaling or labels.
     *
     * @param fingerprint the architecture the parameters were saved from
     * @param parameters the parameters, in layout order
     * @param preprocessing the fitted preprocessing of the inputs, in the order to apply it
     */
    public Contents(String fingerprint, double[] parameters, List<Preprocessor> preprocessing) {
      this(fingerprint, parameters, preprocessing, List.of(), List.of());
    }

    /**
     * {@code x} through the input preprocessing, in order: what the model reads.
     *
     * @param x a sample's raw inputs
     * @return the inputs after every input preprocessor, in order (a new array unless there are
     *     none, when it is {@code x} itself)
     */
    public double[] transformInputs(double[] x) {
      double[] v = x;
      for (Preprocessor p : preprocessing) {
        v = p.transform(v);
      }
      return v;
    }

    /**
     * A model output through the target preprocessing in reverse: a prediction in the file's units.
     *
     * @param y the model's outputs for one sample
     * @return a new array: {@code y} mapped back through the target preprocessing, last first
     */
    public double[] inverseTargets(double[] y) {
      double[] v = y.clone();
      for (int i = targetPreprocessing.size() - 1; i >= 0; i--) {
        double[] out = new double[v.length];
        targetPreprocessing.get(i).inverse(v, out);
        v = out;
      }
      return v;
    }
  }

  /**
   * Saves {@code model}'s parameters with no preprocessing.
   *
   * @param file the file
   * @param model the model whose parameters are saved
   * @throws IOException if the file cannot be written (a previous file is left intact)
   */
  public static void save(Path file, Model model) throws IOException {
    save(file, model, List.of());
  }

  /**
   * Saves {@code model}'s parameters and {@code preprocessing}, atomically.
   *
   * @param file the file
   * @param model the model whose parameters are saved
   * @param preprocessing the fitted preprocessors to save with the weights, in order
   * @throws IllegalArgumentException if a parameter is NaN or infinite (nothing is written)
   * @throws IOException if the file cannot be written (a previous file is left intact)
   */
  public static void save(Path file, Model model, List<? extends Preprocessor> preprocessing)
      throws IOException {
    save(file, model, preprocessing, List.of(), List.of());
  }

  /**
   * Saves {@code model}'s parameters with its input preprocessing, the scaling of its targets
   * (regression) and the class names of its outputs (classification), atomically.
   *
   * @param file the file
   * @param model the model whose parameters are saved
   * @param preprocessing the fitted preprocessors of the inputs, in the order to apply them
   * @param targetPreprocessing the fitted scaling of the targets, in the order it was applied;
   *     empty for none
   * @param labels the class names of the model's outputs (two for a single sigmoid output), or
   *     empty for regression
   * @throws IllegalArgumentException if a parameter is NaN or infinite, or there are labels but not
   *     one per output (nothing is written)
   * @throws IOException if the file cannot be written (a previous file is left intact)
   */
  public static void save(
      Path file,
      Model model,
      List<? extends Preprocessor> preprocessing,
      List<? extends Preprocessor> targetPreprocessing,
      List<String> labels)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(targetPreprocessing, "targetPreprocessing");
    Objects.requireNonNull(labels, "labels");
    if (!labels.isEmpty() && labels.size() != model.outputCount() && !(labels.size() == 2 && model.outputCount() == 1)) {
      throw new IllegalArgumentException(
          labels.size() + " labels for a model of " + model.outputCount() + " outputs; give one per output");
    }
    double[] parameters = model.parameters().toArray();
    for (int i = 0; i < parameters.length; i++) {
      if (!Double.isFinite(parameters[i])) {
        throw new IllegalArgumentException(
            "parameter " + i + " (" + model.parameterName(i) + ") is " + parameters[i]
                + "; a weight file holds finite numbers only");
      }
    }
    writeAtomically(
        file, encode(model, parameters, preprocessing, targetPreprocessing, labels), WeightFile::writeFully);
  }

  /**
   * Loads the parameters of {@code file} into {@code model} and returns the file's preprocessing.
   *
   * @param file the file
   * @param model the model that receives the file's parameters
   * @return the file's preprocessing
   * @throws WeightFileException if the file is not a valid weight file or was made for another
   *     architecture; the model is then untouched
   */
  public static List<Preprocessor> load(Path file, Model model) throws IOException {
    return loadContents(file, model).preprocessing();
  }

  /**
   * Loads the parameters of {@code file} into {@code model} and returns everything the file holds:
   * the preprocessing, the target scaling and the class labels.
   *
   * @param file the file
   * @param model the model that receives the file's parameters
   * @return what the file holds
   * @throws WeightFileException if the file is not a valid weight file or was made for another
   *     architecture; the model is then untouched
   */
  public static Contents loadContents(Path file, Model model) throws IOException {
    Objects.requireNonNull(model, "model");
    Contents contents = read(file);
    String expected = stored(model.layout().fingerprint());
    if (!contents.fingerprint().equals(expected)) {
      throw new WeightFileException(
          file + " was saved for the architecture '" + contents.fingerprint()
              + "', but the model is '" + expected + "'");
    }
    if (contents.parameters().length != model.parameterCount()) {
      throw new WeightFileException(
          file + " has " + contents.parameters().length + " parameters, the model has "
              + model.parameterCount());
    }
    if (!contents.preprocessing().isEmpty()
        && contents.preprocessing().get(0).featureCount() != model.inputCount()) {
      throw new WeightFileException(
          file + " has preprocessing for " + contents.preprocessing().get(0).featureCount()
              + " features, the model expects " + model.inputCount());
    }
    if (!contents.targetPreprocessing().isEmpty()
        && contents.targetPreprocessing().get(0).featureCount() != model.outputCount()) {
      throw new WeightFileException(
          file + " has target scaling for " + contents.targetPreprocessing().get(0).featureCount()
              + " targets, the model has " + model.outputCount() + " outputs");
    }
    model.parameters().copyFrom(contents.parameters());
    return contents;
  }

  /**
   * Reads and verifies {@code file} without a model.
   *
   * @param file the file
   * @return what the file holds
   * @throws WeightFileException if it is not a valid weight file of this version
   */
  public static Contents read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    long size = Files.size(file);
    if (size > MAX_SIZE) {
      throw new WeightFileException(file + " has " + size + " bytes, more than a weight file may have");
    }
    return decode(Files.readAllBytes(file), file.toString());
  }

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
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
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

  static Contents decode(byte[] bytes, String name) throws WeightFileException {
    if (bytes.length < HEADER + CHECKSUM) {
      throw new WeightFileException(name + " is truncated: " + bytes.length + " bytes, too short for a weight file");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new WeightFileException(
          name + " is not a gradgen weight file: it starts with 0x" + Integer.toHexString(magic)
              + ", expected 0x" + Integer.toHexString(MAGIC) + " (\"GGWF\")");
    }
    int version = Short.toUnsignedInt(in.getShort());
    if (version != 1 && version != VERSION) {
      throw new WeightFileException(
          name + " has format version " + version + ", this runtime reads versions 1 and " + VERSION);
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
      return new Contents(fingerprint, parameters, preprocessing, targets, List.copyOf(labels));
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

  /** Writes the bytes into the temporary file's channel; a seam for tests that simulate failures. */
  @FunctionalInterface
  interface ChannelWriter {
    void write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** See {@link AtomicWrite#write}. */
  static void writeAtomically(Path file, byte[] bytes, ChannelWriter writer) throws IOException {
    AtomicWrite.write(file, bytes, writer);
  }

  /**
   * Writes {@code bytes} to {@code file} atomically (see the class comment); for checkpoints too.
   *
   * @param file the file, replaced as a whole
   * @param bytes the file's new contents
   * @throws IOException if the file cannot be written (a previous file is left intact)
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    AtomicWrite.write(file, bytes, WeightFile::writeFully);
  }
}
