package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Precision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declaration that {@code onnx import} writes for the PyTorch-trained blobs classifier is the
 * checked-in {@code golden/BlobNet.java}, byte for byte; this module's test build compiles that file
 * with gradgen's processor, and the fine-tuning example uses it. {@code -Dgradgen.updateGoldens=true}
 * rewrites it after an intended change.
 */
class GoldenDeclarationTest {
  static final Path GOLDEN = Path.of("src/test/java/io/gradgen/onnx/golden/BlobNet.java");

  @Test
  void importerWritesTheCheckedInDeclaration(@TempDir Path dir) throws Exception {
    OnnxImport.Result r = OnnxImport.run(Fixtures.onnx("blobs", 17), "io.gradgen.onnx.golden", "BlobNet", dir,
        dir.resolve("BlobNet.ggw"), null, Precision.DOUBLE);
    String written = Files.readString(r.source(), StandardCharsets.UTF_8);
    if (Boolean.getBoolean("gradgen.updateGoldens")) {
      Files.writeString(GOLDEN, written, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), written);
    assertEquals(dir.resolve("io/gradgen/onnx/golden/BlobNet.java"), r.source());
  }
}
