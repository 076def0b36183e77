package io.gradgen.io;

import io.gradgen.Model;
import io.gradgen.data.Preprocessor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

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
        file, WeightFileCodec.encode(model, parameters, preprocessing, targetPreprocessing, labels), WeightFile::writeFully);
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
    String expected = WeightFileCodec.stored(model.layout().fingerprint());
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
    return WeightFileCodec.decode(Files.readAllBytes(file), file.toString());
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
