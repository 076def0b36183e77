package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The unchecked copy of the generated predict is the generated code minus its checks. */
class CheckCostTest {
  @Test
  void theUncheckedCopyIsTheGeneratedPredictWithoutItsChecks() throws IOException {
    String generated;
    try (InputStream in = getClass().getResourceAsStream("/gradgen-sources/io/gradgen/examples/SeedNetModel.java")) {
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String copy = Files.readString(Path.of("src/main/java/io/gradgen/examples/bench/UncheckedSeedNet.java"));
    String copied = copy.substring(copy.indexOf("// BEGIN COPY predict\n") + 22, copy.indexOf("  // END COPY predict"));
    int start = generated.indexOf("  public void predict(double[] x, double[] y) {");
    String original = generated.substring(start, generated.indexOf("\n  }\n", start) + 5)
        .replace("    checkLength(\"x\", x, INPUTS);\n", "")
        .replace("    checkLength(\"y\", y, OUTPUTS);\n", "");
    assertEquals(original, copied);
  }
}
