package io.gradgen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gradgen.data.DataSet;
import io.gradgen.data.MinMaxNormalizer;
import io.gradgen.data.Preprocessor;
import io.gradgen.data.Standardizer;
import io.gradgen.data.Whitening;
import io.gradgen.testing.LinearModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against hostile files, seeded: random bytes of random lengths, random bytes after a
 * valid header (with and without a valid checksum, so that the structure parser sees them),
 * valid files with bytes mutated, inserted or appended, and huge declared lengths. Every file is
 * either rejected with a {@link WeightFileException} and the model untouched, or (a mutation that
 * still makes a valid file) loaded in full; nothing else is thrown, no out-of-memory error.
 */
class WeightFileFuzzTest {
  private static final int CASES = 1500;
  private static final double[] PARAMETERS = {0.25, -1.5, 3.0, 0.125};
  private static final double[] SENTINEL = {9, 9, 9, 9};

  @TempDir Path dir;
  private int rejected;

  private static byte[] valid() {
    SplittableRandom r = new SplittableRandom(1);
    double[][] x = new double[30][];
    double[][] t = new double[30][];
    for (int i = 0; i < 30; i++) {
      double a = r.nextGaussian();
      x[i] = new double[] {10 + a, 2 * a + r.nextGaussian(), -a + 0.3 * r.nextGaussian()};
      t[i] = new double[] {0};
    }
    DataSet data = DataSet.of(x, t);
    Standardizer s = Standardizer.fit(data);
    List<Preprocessor> preprocessing =
        List.of(s, MinMaxNormalizer.fit(data), Whitening.pca(s.transform(data)));
    LinearModel model = new LinearModel(3, true, PARAMETERS);
    return WeightFileCodec.encode(model, model.parameters().toArray(), preprocessing);
  }

  /** {@code body} (everything but the checksum) followed by its correct CRC-32. */
  private static byte[] withChecksum(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
  }

  private static byte[] header() {
    return ByteBuffer.allocate(6).putInt(WeightFile.MAGIC).putShort((short) WeightFile.VERSION).array();
  }

  private static byte[] random(SplittableRandom r, int length) {
    byte[] bytes = new byte[length];
    r.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** Loads {@code bytes}: a WeightFileException with the model untouched, or a complete load. */
  private void loadOrReject(byte[] bytes, String what) throws IOException {
    Path file = dir.resolve("fuzz.ggw");
    Files.write(file, bytes);
    LinearModel model = new LinearModel(3, true, SENTINEL);
    try {
      WeightFile.load(file, model);
    } catch (WeightFileException e) {
      rejected++;
      assertTrue(e.getMessage().startsWith(file.toString()), what + ": the message names the file: " + e.getMessage());
      assertArrayEquals(SENTINEL, model.parameters().toArray(), 0.0, what + ": the model is untouched");
      return;
    } catch (Throwable t) {
      fail(what + ": threw " + t + " instead of a WeightFileException", t);
    }
    for (double p : model.parameters().toArray()) {
      assertTrue(Double.isFinite(p), what + ": loaded a non-finite parameter");
    }
  }

  private void reject(byte[] bytes, String what) throws IOException {
    int before = rejected;
    loadOrReject(bytes, what);
    assertEquals(before + 1, rejected, what + " was loaded");
  }

  @Test
  void randomBytesOfRandomLengthsAreRejected() throws IOException {
    SplittableRandom r = new SplittableRandom(101);
    for (int i = 0; i < CASES; i++) {
      reject(random(r, r.nextInt(0, 600)), "random file " + i);
    }
  }

  @Test
  void randomBytesAfterAValidHeaderAreRejected() throws IOException {
    SplittableRandom r = new SplittableRandom(102);
    for (int i = 0; i < CASES; i++) {
      byte[] body = concat(header(), random(r, r.nextInt(0, 600)));
      reject(body, "header + random " + i);
      reject(withChecksum(body), "header + random + valid checksum " + i);
    }
  }

  @Test
  void validFilesWithGarbageAppendedOrInsertedAreRejected() throws IOException {
    SplittableRandom r = new SplittableRandom(103);
    byte[] valid = valid();
    byte[] body = Arrays.copyOf(valid, valid.length - 4);
    for (int i = 0; i < CASES / 5; i++) {
      byte[] garbage = random(r, r.nextInt(1, 200));
      reject(concat(valid, garbage), "valid + garbage " + i);
      reject(withChecksum(concat(body, garbage)), "garbage before a valid checksum " + i);
    }
  }

  @Test
  void mutatedFilesWithARecomputedChecksumAreRejectedOrLoadedWhole() throws IOException {
    SplittableRandom r = new SplittableRandom(104);
    byte[] valid = valid();
    byte[] body = Arrays.copyOf(valid, valid.length - 4);
    for (int i = 0; i < CASES; i++) {
      byte[] mutated = body.clone();
      int changes = r.nextInt(1, 5);
      for (int c = 0; c < changes; c++) {
        mutated[r.nextInt(6, mutated.length)] = (byte) r.nextInt(256);
      }
      if (r.nextBoolean()) {
        mutated = Arrays.copyOf(mutated, r.nextInt(6, mutated.length));
      }
      loadOrReject(withChecksum(mutated), "mutation " + i);
    }
    assertTrue(rejected > CASES / 2, "most mutations are caught: " + rejected);
  }

  /** A well-formed file (valid checksum) whose declared lengths are written by {@code body}. */
  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] crafted(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(header());
      body.write(out);
    }
    return withChecksum(bytes.toByteArray());
  }

  private static final String FINGERPRINT = new LinearModel(3, true, SENTINEL).layout().fingerprint();

  private static void parameters(DataOutputStream out, double... values) throws IOException {
    out.writeUTF(FINGERPRINT);
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  @Test
  void hugeDeclaredLengthsAreRejectedWithoutAllocating() throws IOException {
    for (int huge : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 28}) {
      reject(crafted(out -> {
        out.writeUTF(FINGERPRINT);
        out.writeInt(huge);
      }), "parameter count " + huge);
      reject(crafted(out -> {
        parameters(out, PARAMETERS);
        out.writeInt(huge);
      }), "preprocessor count " + huge);
      reject(crafted(out -> {
        parameters(out, PARAMETERS);
        out.writeInt(1);
        out.writeUTF(Standardizer.KIND);
        out.writeInt(huge);
      }), "array count " + huge);
      reject(crafted(out -> {
        parameters(out, PARAMETERS);
        out.writeInt(1);
        out.writeUTF(Standardizer.KIND);
        out.writeInt(2);
        out.writeInt(huge);
      }), "array length " + huge);
    }
  }

  @Test
  void aWhiteningOfHugeDimensionIsRejectedWithoutAllocatingItsMatrix() throws IOException {
    // d = 65536 makes d·d overflow int to 0, so an empty eigenvector array would match it.
    int d = 65536;
    WeightFileException e =
        assertThrows(WeightFileException.class, () -> WeightFileCodec.decode(crafted(out -> {
          parameters(out, PARAMETERS);
          out.writeInt(1);
          out.writeUTF(Whitening.PCA_KIND);
          out.writeInt(4);
          for (int a = 0; a < 2; a++) {
            out.writeInt(d);
            for (int j = 0; j < d; j++) {
              out.writeDouble(1);
            }
          }
          out.writeInt(0);
          out.writeInt(1);
          out.writeDouble(1e-9);
        }), "whitening.ggw"));
    assertTrue(e.getMessage().contains("inconsistent lengths"), e.getMessage());
  }

  @Test
  void nonFiniteValuesAreRejectedByPosition() throws IOException {
    WeightFileException e =
        assertThrows(WeightFileException.class, () -> WeightFileCodec.decode(crafted(out -> {
          parameters(out, 1, 2, Double.NaN, 4);
          out.writeInt(0);
        }), "nan.ggw"));
    assertEquals("nan.ggw is corrupted: parameter 2 is NaN, a weight file holds finite numbers only", e.getMessage());
    e = assertThrows(WeightFileException.class, () -> WeightFileCodec.decode(crafted(out -> {
      parameters(out, PARAMETERS);
      out.writeInt(1);
      out.writeUTF(Standardizer.KIND);
      out.writeInt(2);
      out.writeInt(1);
      out.writeDouble(Double.POSITIVE_INFINITY);
      out.writeInt(1);
      out.writeDouble(1);
    }), "inf.ggw"));
    assertEquals("inf.ggw is corrupted: value 0 is Infinity, a weight file holds finite numbers only", e.getMessage());
  }

  @Test
  void aModelWithNonFiniteParametersIsNotSaved() {
    LinearModel model = new LinearModel(3, true, 1, Double.NEGATIVE_INFINITY, 3, 4);
    Path file = dir.resolve("diverged.ggw");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightFile.save(file, model));
    assertEquals("parameter 1 (y.w[0][1]) is -Infinity; a weight file holds finite numbers only", e.getMessage());
    assertTrue(Files.notExists(file));
  }
}
