package io.gradgen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.data.Preprocessor;
import io.gradgen.data.Standardizer;
import io.gradgen.data.Whitening;
import io.gradgen.testing.LinearModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weight files round-trip parameters and preprocessing; a file for another architecture, a
 * truncated or a corrupted file is rejected with the model untouched; saving is atomic.
 */
class WeightFileTest {
  @TempDir Path dir;

  private static final double[] PARAMETERS = {0.25, -1.5, 3.0, 0.125};

  private static DataSet data() {
    SplittableRandom r = new SplittableRandom(1);
    double[][] x = new double[40][];
    double[][] t = new double[40][];
    for (int i = 0; i < 40; i++) {
      double a = r.nextGaussian();
      x[i] = new double[] {10 + a, 2 * a + r.nextGaussian(), -a + 0.3 * r.nextGaussian()};
      t[i] = new double[] {0};
    }
    return DataSet.of(x, t);
  }

  private static List<Preprocessor> preprocessing() {
    Standardizer s = Standardizer.fit(data());
    return List.of(s, Whitening.zca(s.transform(data())));
  }

  private Path saved() throws IOException {
    Path file = dir.resolve("model.ggw");
    WeightFile.save(file, new LinearModel(3, true, PARAMETERS), preprocessing());
    return file;
  }

  private static LinearModel sentinel() {
    return new LinearModel(3, true, 9, 9, 9, 9);
  }

  @Test
  void parametersAndPreprocessingRoundTrip() throws IOException {
    LinearModel model = sentinel();
    List<Preprocessor> loaded = WeightFile.load(saved(), model);
    assertArrayEquals(PARAMETERS, model.parameters().toArray(), 0.0);
    assertEquals(2, loaded.size());
    double[] x = {10.5, 1, -0.2};
    double[] expected = x;
    double[] actual = x;
    for (int i = 0; i < 2; i++) {
      expected = preprocessing().get(i).transform(expected);
      actual = loaded.get(i).transform(actual);
      assertEquals(preprocessing().get(i).kind(), loaded.get(i).kind());
    }
    assertArrayEquals(expected, actual, 0.0, "applied identically after loading");
  }

  @Test
  void theFileStartsWithTheMagicAndVersionAndCarriesTheFingerprint() throws IOException {
    byte[] bytes = Files.readAllBytes(saved());
    assertEquals("GGWF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(2, ByteBuffer.wrap(bytes, 4, 2).getShort());
    WeightFile.Contents contents = WeightFile.read(dir.resolve("model.ggw"));
    assertEquals(sentinel().layout().fingerprint(), contents.fingerprint());
  }

  @Test
  void aFileForAnotherArchitectureIsRejectedAndTheModelUntouched() throws IOException {
    Path file = saved();
    LinearModel other = new LinearModel(3, false, 7, 7, 7);
    WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.load(file, other));
    assertTrue(e.getMessage().contains("was saved for the architecture 'inputs=3;y:1,IDENTITY,PER_NEURON;loss=SUM_SQUARED_ERROR'"), e.getMessage());
    assertTrue(e.getMessage().contains("but the model is 'inputs=3;y:1,IDENTITY,NONE;loss=SUM_SQUARED_ERROR'"), e.getMessage());
    assertArrayEquals(new double[] {7, 7, 7}, other.parameters().toArray(), 0.0);
  }

  @Test
  void everyTruncationIsRejectedAndTheModelUntouched() throws IOException {
    byte[] bytes = Files.readAllBytes(saved());
    Path cut = dir.resolve("cut.ggw");
    for (int length = 0; length < bytes.length; length++) {
      Files.write(cut, java.util.Arrays.copyOf(bytes, length));
      LinearModel model = sentinel();
      WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.load(cut, model), "length " + length);
      assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a gradgen weight file")
          || e.getMessage().contains("corrupted"), e.getMessage());
      assertArrayEquals(new double[] {9, 9, 9, 9}, model.parameters().toArray(), 0.0);
    }
  }

  @Test
  void everySingleBitFlipIsRejectedAndTheModelUntouched() throws IOException {
    byte[] bytes = Files.readAllBytes(saved());
    Path flipped = dir.resolve("flipped.ggw");
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] copy = bytes.clone();
      copy[bit / 8] ^= (byte) (1 << (bit % 8));
      Files.write(flipped, copy);
      LinearModel model = sentinel();
      assertThrows(WeightFileException.class, () -> WeightFile.load(flipped, model), "bit " + bit);
      assertArrayEquals(new double[] {9, 9, 9, 9}, model.parameters().toArray(), 0.0);
    }
  }

  @Test
  void aFlippedParameterBitIsReportedAsAChecksumMismatch() throws IOException {
    byte[] bytes = Files.readAllBytes(saved());
    bytes[bytes.length - 30] ^= 0x10;
    Path file = dir.resolve("bad.ggw");
    Files.write(file, bytes);
    WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.load(file, sentinel()));
    assertTrue(e.getMessage().contains("is corrupted or truncated: its checksum is"), e.getMessage());
  }

  @Test
  void otherFilesAndVersionsAreNamedForWhatTheyAre() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello, weights");
    WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFile.load(text, sentinel()));
    assertTrue(e.getMessage().contains("is not a gradgen weight file"), e.getMessage());
    byte[] bytes = Files.readAllBytes(saved());
    bytes[5] = 3;
    Path v3 = dir.resolve("v3.ggw");
    Files.write(v3, bytes);
    e = assertThrows(WeightFileException.class, () -> WeightFile.load(v3, sentinel()));
    assertTrue(e.getMessage().endsWith("has format version 3, this runtime reads versions 1 and 2"), e.getMessage());
  }

  @Test
  void aFailedSaveLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
    Path file = saved();
    byte[] before = Files.readAllBytes(file);
    LinearModel other = new LinearModel(3, true, 1, 2, 3, 4);
    byte[] next = WeightFile.encode(other, other.parameters().toArray(), List.of());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                WeightFile.writeAtomically(
                    file,
                    next,
                    (channel, bytes) -> {
                      bytes.limit(bytes.capacity() / 2);
                      channel.write(bytes); // half the file is written …
                      throw new IOException("disk full (simulated)"); // … then the write fails
                    }));
    assertEquals("disk full (simulated)", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file), "the previous file is intact");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    LinearModel model = sentinel();
    WeightFile.load(file, model);
    assertArrayEquals(PARAMETERS, model.parameters().toArray(), 0.0);
  }

  @Test
  void aSuccessfulSaveReplacesThePreviousFile() throws IOException {
    Path file = saved();
    WeightFile.save(file, new LinearModel(3, true, 1, 2, 3, 4));
    LinearModel model = sentinel();
    assertEquals(List.of(), WeightFile.load(file, model));
    assertArrayEquals(new double[] {1, 2, 3, 4}, model.parameters().toArray(), 0.0);
  }
}
