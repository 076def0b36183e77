package io.gradgen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.data.DataSet;
import io.gradgen.data.Standardizer;
import io.gradgen.testing.LinearModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 weight files carry the target scaling and the class labels; version 1 files still load. */
class WeightFileContentsTest {
  @TempDir Path dir;

  /** Targets 2, 4, 6: μ = 4, σ = √(8/3); a scaled output of 1 is 4 + √(8/3) in the file's units. */
  @Test
  void theTargetScalingIsSavedAndInvertsPredictions() throws IOException {
    DataSet train = DataSet.of(new double[][] {{1}, {2}, {3}}, new double[][] {{2}, {4}, {6}});
    Standardizer targets = Standardizer.fitTargets(train);
    assertArrayEquals(new double[] {2 / Math.sqrt(8 / 3.0)}, targets.transformTargets(train).targets(2), 1e-15);
    Path file = dir.resolve("line.ggw");
    WeightFile.save(file, LinearModel.line(2), List.of(), List.of(targets), List.of());
    WeightFile.Contents contents = WeightFile.loadContents(file, LinearModel.line(0));
    assertArrayEquals(new double[] {4 + Math.sqrt(8 / 3.0)}, contents.inverseTargets(new double[] {1}), 1e-15);
    assertEquals(List.of(), contents.labels());
  }

  @Test
  void labelsRoundTripAndMustMatchTheOutputs() throws IOException {
    Path file = dir.resolve("binary.ggw");
    // One output (a probability of class 1) names two classes.
    WeightFile.save(file, LinearModel.line(1), List.of(), List.of(), List.of("no", "yes"));
    assertEquals(List.of("no", "yes"), WeightFile.loadContents(file, LinearModel.line(0)).labels());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> WeightFile.save(file, LinearModel.line(1), List.of(), List.of(), List.of("a", "b", "c")));
    assertEquals("3 labels for a model of 1 outputs; give one per output", e.getMessage());
  }

  @Test
  void aVersion1FileStillLoads() throws IOException {
    LinearModel model = LinearModel.line(2.5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(WeightFile.MAGIC);
    out.writeShort(1);
    out.writeUTF(model.layout().fingerprint());
    out.writeInt(1);
    out.writeDouble(2.5);
    out.writeInt(0);
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    Path file = dir.resolve("v1.ggw");
    Files.write(file, bytes.toByteArray());
    LinearModel loaded = LinearModel.line(0);
    WeightFile.Contents contents = WeightFile.loadContents(file, loaded);
    assertEquals(2.5, loaded.parameters().get(0), 0.0);
    assertEquals(List.of(), contents.targetPreprocessing());
  }
}
