package io.gradgen.train;

import io.gradgen.io.WeightFile;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A training session's state after a whole epoch, saved so that {@link Trainer#resume} continues
 * exactly where it stopped: the same seed, data and trainer then give the same result as an
 * uninterrupted run, bit for bit.
 *
 * <p>The file holds the architecture's fingerprint, the sizes of the data and the batch (checked on
 * resume), the epochs and steps done, the loss history, the parameters, the best parameters of
 * early stopping and the optimizer's {@link Optimizer#state() state}; the order of the samples is
 * not stored but replayed from the seed. It is written atomically, like a weight file ({@link
 * WeightFile#writeAtomically}), and ends with a CRC-32.
 *
 * <pre>
 * magic "GGCK", uint16 version 1, string fingerprint,
 * int32 training rows, int32 validation rows (−1 without), int32 batch size, int64 seed,
 * int32 epochs E, int64 steps, E × (float64 training loss, float64 validation loss),
 * arrays: parameters, best parameters (length 0 without early stopping),
 * int32 optimizer arrays A, A arrays; an array is int32 length then float64s; uint32 CRC-32
 * </pre>
 */
public final class Checkpoint {
  /** "GGCK". */
  static final int MAGIC = 0x4747434B;

  static final int VERSION = 1;

  /**
   * What a checkpoint holds.
   *
   * @param trainingLosses the training loss of each epoch done
   * @param validationLosses their validation losses (NaN without a validation set)
   * @param best the best parameters so far (early stopping), or an empty array
   */
  record State(
      String fingerprint, int trainingRows, int validationRows, int batchSize, long seed, long steps,
      double[] trainingLosses, double[] validationLosses, double[] parameters, double[] best, double[][] optimizer) {
    /** Refuses a checkpoint of another architecture, other data sizes, batch size or seed, naming both. */
    void checkFits(Path file, String expected, int training, int validation, int batch, long seedNow, int count) {
      if (!fingerprint.equals(expected) || trainingRows != training || validationRows != validation
          || batchSize != batch || seed != seedNow || parameters.length != count) {
        throw new IllegalArgumentException(
            file + " was saved for " + fingerprint + " with " + trainingRows + " training and " + validationRows
                + " validation rows, batch " + batchSize + ", seed " + seed + "; this session has " + expected + ", "
                + training + " and " + validation + " rows, batch " + batch + ", seed " + seedNow);
      }
    }
  }

  private Checkpoint() {}

  static void write(Path file, State s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeShort(VERSION);
    out.writeUTF(s.fingerprint());
    out.writeInt(s.trainingRows());
    out.writeInt(s.validationRows());
    out.writeInt(s.batchSize());
    out.writeLong(s.seed());
    out.writeInt(s.trainingLosses().length);
    out.writeLong(s.steps());
    for (int e = 0; e < s.trainingLosses().length; e++) {
      out.writeDouble(s.trainingLosses()[e]);
      out.writeDouble(s.validationLosses()[e]);
    }
    writeArray(out, s.parameters());
    writeArray(out, s.best());
    out.writeInt(s.optimizer().length);
    for (double[] a : s.optimizer()) {
      writeArray(out, a);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    out.flush();
    WeightFile.writeAtomically(file, bytes.toByteArray());
  }

  private static void writeArray(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  /**
   * Reads a checkpoint.
   *
   * @throws IOException naming the file if it is not a checkpoint, is truncated or corrupted
   */
  static State read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 10) {
      throw new IOException(file + " is not a gradgen checkpoint: it has " + bytes.length + " bytes");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4));
    if (in.readInt() != MAGIC) {
      throw new IOException(file + " is not a gradgen checkpoint (it does not start with \"GGCK\")");
    }
    int version = in.readUnsignedShort();
    if (version != VERSION) {
      throw new IOException(file + " has checkpoint version " + version + ", this runtime reads version " + VERSION);
    }
    if (stored != (int) crc.getValue()) {
      throw new IOException(file + " is corrupted or truncated: its checksum does not match its contents");
    }
    try {
      String fingerprint = in.readUTF();
      int trainingRows = in.readInt();
      int validationRows = in.readInt();
      int batch = in.readInt();
      long seed = in.readLong();
      int epochs = in.readInt();
      long steps = in.readLong();
      double[] training = new double[epochs];
      double[] validation = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        training[e] = in.readDouble();
        validation[e] = in.readDouble();
      }
      double[] parameters = readArray(in);
      double[] best = readArray(in);
      double[][] optimizer = new double[in.readInt()][];
      for (int a = 0; a < optimizer.length; a++) {
        optimizer[a] = readArray(in);
      }
      return new State(fingerprint, trainingRows, validationRows, batch, seed, steps, training, validation,
          parameters, best, optimizer);
    } catch (EOFException | NegativeArraySizeException | OutOfMemoryError e) {
      throw new IOException(file + " is corrupted: it ends inside its contents");
    }
  }

  private static double[] readArray(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / Double.BYTES) {
      throw new EOFException();
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
