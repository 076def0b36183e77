package io.gradgen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.Model;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
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
    byte[] next = WeightFileCodec.encode(other, other.parameters().toArray(), List.of());
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

  @Test
  void theRootOrADirectoryIsRefusedWithAnIoExceptionNamingIt() throws IOException {
    LinearModel model = new LinearModel(3, true, PARAMETERS);
    IOException root = assertThrows(IOException.class, () -> WeightFile.save(Path.of("/"), model));
    assertTrue(root.getMessage().startsWith("/: is a directory; save to a file in it, e.g. /model.ggw"), root.getMessage());
    Path folder = Files.createDirectory(dir.resolve("folder"));
    IOException directory = assertThrows(IOException.class, () -> WeightFile.save(folder, model));
    assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    assertTrue(Files.isDirectory(folder), "the directory is untouched");
  }

  /** A model of 700 layers with 100-character names: its fingerprint is about 80,000 bytes. */
  private static Model longFingerprint(double scale) {
    List<NetworkLayout.Layer> layers = new java.util.ArrayList<>();
    for (int i = 0; i < 700; i++) {
      layers.add(new NetworkLayout.Layer(("layer" + i + "_").repeat(20).substring(0, 100), 1, Activation.IDENTITY, Bias.NONE));
    }
    NetworkLayout layout = NetworkLayout.of(1, Loss.HALF_SUM_SQUARED_ERROR, layers);
    double[] values = new double[layout.parameterCount()];
    java.util.Arrays.fill(values, scale);
    Parameters parameters = Parameters.flat(layout, values);
    return new Model() {
      @Override public int inputCount() { return 1; }
      @Override public int outputCount() { return 1; }
      @Override public int parameterCount() { return values.length; }
      @Override public Parameters parameters() { return parameters; }
      @Override public NetworkLayout layout() { return layout; }
      @Override public void predict(double[] x, double[] y) { y[0] = x[0]; }
    };
  }

  @Test
  void aFingerprintLongerThanAStringFieldIsStoredAsItsDigest() throws IOException {
    Model model = longFingerprint(0.5);
    assertTrue(model.layout().fingerprint().length() > 70_000);
    Path file = dir.resolve("long.ggw");
    WeightFile.save(file, model);
    String stored = WeightFile.read(file).fingerprint();
    assertTrue(stored.matches("sha-256:[0-9a-f]{64}"), stored);
    Model restored = longFingerprint(0);
    WeightFile.load(file, restored);
    assertEquals(0.5, restored.parameters().get(699), 0.0);
    // Another architecture of the same length is still refused.
    List<NetworkLayout.Layer> other = new java.util.ArrayList<>(model.layout().layers().stream()
        .map(l -> new NetworkLayout.Layer(l.name(), 1, Activation.TANH, Bias.NONE)).toList());
    assertTrue(!WeightFileCodec.stored(NetworkLayout.of(1, Loss.HALF_SUM_SQUARED_ERROR, other).fingerprint()).equals(stored));
  }

  @Test
  void theNextSaveRemovesTheTemporaryFilesOfKilledSaves() throws IOException {
    Path file = saved();
    // What kill -9 leaves: full-size temporaries under the save's naming scheme, no lock held.
    Path stale = dir.resolve("." + file.getFileName() + ".1a2b3c.tmp");
    Path fresh = dir.resolve("." + file.getFileName() + ".4d5e6f.tmp");
    Path unrelated = dir.resolve(".other.ggw.1a2b3c.tmp");
    for (Path p : List.of(stale, fresh, unrelated)) {
      Files.write(p, new byte[1 << 16]);
    }
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofMinutes(5)));
    Files.setLastModifiedTime(stale, old);
    Files.setLastModifiedTime(unrelated, old);
    WeightFile.save(file, new LinearModel(3, true, PARAMETERS));
    assertTrue(Files.notExists(stale), "a stale temporary of this file is removed");
    assertTrue(Files.exists(fresh), "a temporary younger than " + AtomicWrite.STALE + " may be a save in progress");
    assertTrue(Files.exists(unrelated), "another file's temporaries are not touched");
    // A temporary that a live save holds locked is never removed, however old.
    Files.setLastModifiedTime(fresh, old);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(fresh, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = channel.lock()) {
      WeightFile.save(file, new LinearModel(3, true, PARAMETERS));
      assertTrue(Files.exists(fresh), "locked: in use");
    }
  }
}
