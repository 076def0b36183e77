package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.io.WeightFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train <example>}: progress as plain lines off a terminal, metrics, a PNG chart, a weight file. */
class TrainCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TrainCommand command = new TrainCommand();
    command.terminal = false;
    int exit =
        command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void trainXorPrintsMetricsWritesTheChartAndSavesTheWeights() throws IOException {
    Path chart = dir.resolve("xor.png");
    Path weights = dir.resolve("xor.ggw");
    Run r = run("xor", "--seed", "42", "--chart", chart.toString(), "--save", weights.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("accuracy               100.00 %"), r.out());
    assertTrue(r.out().contains(" epochs ("), r.out());
    assertTrue(r.err().contains("stopped: TARGET_LOSS"), "the progress bar says why: " + r.err());
    assertFalse(r.out().contains("TARGET_LOSS"), "the stop reason is printed once: " + r.out());
    byte[] png = Files.readAllBytes(chart);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG file");
    XorNetModel loaded = new XorNetModel();
    WeightFile.load(weights, loaded);
    double[] y = new double[1];
    loaded.predict(new double[] {0, 1}, y);
    assertTrue(y[0] > 0.9, "the saved model says 0 xor 1 = 1: " + y[0]);
  }

  @Test
  void offATerminalProgressIsPlainLines() {
    Run r = run("line", "--chart", dir.resolve("line.png").toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("\r"), "no carriage returns: " + r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("line, online") && l.contains("epochs")), r.err());
    assertTrue(r.out().contains("W full batch"), r.out());
  }

  @Test
  void badArgumentsExitWith2AndSayWhy() {
    Run unknown = run("mnist");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("train: Invalid value for positional parameter at index 0 (EXAMPLE):"
        + " unknown example 'mnist' (expected iris, wine, digits, xor, robust-xor, line)\n"), unknown.err());
    Run seed = run("iris", "--seed", "x");
    assertEquals(2, seed.exit());
    assertTrue(seed.err().contains("Invalid value for option '--seed': 'x' is not a long"), seed.err());
    assertEquals(2, run().exit());
    assertEquals(2, run("iris", "--chart").exit());
  }

  @Test
  void theCommandIsRegistered() {
    assertTrue(Main.COMMANDS.stream().anyMatch(c -> c.name().equals("train")));
  }
}
