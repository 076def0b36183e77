package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect seed} prints the generated source and the derivation report, and renders SVG. */
class InspectCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(InspectCommand command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheGeneratedSourceAndTheReport() {
    Run r = run(new InspectCommand(), "seed");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("public final class SeedNetModel implements SeedNet, DifferentiableModel"));
    assertTrue(r.out().contains("double dE_output_z0 = err0 * (output_a0 * (1.0 - output_a0));"));
    assertTrue(r.out().contains("# SeedNetModel: how its gradients are computed"));
  }

  @Test
  void rendersTheGraphToSvgWhenGraphvizIsInstalled(@TempDir Path dir) throws IOException {
    Path svg = dir.resolve("seed.svg");
    Run r = run(new InspectCommand(), "seed", "--svg", svg.toString());
    Assumptions.assumeFalse(r.err().contains("is not installed"), "Graphviz is not installed here");
    assertEquals(0, r.exit(), r.err());
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg"));
    assertTrue(text.contains("hidden_z0"), "the gates are in the picture");
  }

  @Test
  void withoutGraphvizItSaysHowToInstallIt(@TempDir Path dir) {
    String saved = System.getProperty("gradgen.dot");
    System.setProperty("gradgen.dot", dir.resolve("no-such-dot").toString());
    try {
      Path svg = dir.resolve("seed.svg");
      Run r = run(new InspectCommand(), "seed", "--svg", svg.toString());
      assertEquals(1, r.exit());
      assertTrue(r.err().contains("sudo apt-get install graphviz"), r.err());
      assertTrue(Files.exists(Path.of(svg + ".dot")), "the DOT file is left to render later");
    } finally {
      if (saved == null) {
        System.clearProperty("gradgen.dot");
      } else {
        System.setProperty("gradgen.dot", saved);
      }
    }
  }

  @Test
  void everyExampleNetworkCanBeInspected() {
    for (String network : InspectCommand.NETWORKS.keySet()) {
      Run r = run(new InspectCommand(), network);
      assertEquals(0, r.exit(), network + ": " + r.err());
      assertTrue(r.out().contains("how its gradients are computed"), network);
    }
  }

  @Test
  void anUnknownNetworkIsAnError() {
    Run r = run(new InspectCommand(), "mnist");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("name a network: seed, xor"), r.err());
  }
}
