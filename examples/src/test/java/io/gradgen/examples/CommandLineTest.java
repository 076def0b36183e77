package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line behaves like a well-made tool: help everywhere, a version, every example listed, JSON. */
class CommandLineTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyCommandAnswersHelpAndVersion() {
    for (Command command : Main.COMMANDS) {
      Run help = run(command.name(), "--help");
      assertEquals(0, help.exit(), command.name() + ": " + help.err());
      assertTrue(help.out().startsWith("Usage: gradgen-examples " + command.name()), help.out());
      Run version = run(command.name(), "--version");
      assertEquals(0, version.exit(), command.name());
      assertTrue(version.out().startsWith("gradgen-examples 0."), version.out());
    }
    assertTrue(run("--version").out().startsWith("gradgen-examples "));
    Run help = run("help", "train-csv");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--target=COLUMN"), help.out());
  }

  @Test
  void theUsageListsEveryCommandAndTrainListsEveryExample() {
    Run top = run("--help");
    for (String name : List.of("seed", "train", "train-csv", "inspect", "bench")) {
      assertTrue(top.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " in " + top.out());
    }
    String train = run("train", "--help").out();
    assertTrue(train.contains("one of: iris, wine, digits, xor, robust-xor, line"), train);
    Run none = run();
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("which command?"), none.err());
  }

  /** The last line of every train command with --json is one JSON object with the final metrics. */
  @Test
  void trainJsonEndsWithOneObjectOfTheFinalMetrics() {
    Run xor = run("train", "xor", "--json", "--chart", dir.resolve("xor.png").toString());
    assertEquals(0, xor.exit(), xor.err());
    JsonObject metrics = lastLineJson(xor.out());
    assertEquals(1.0, metrics.get("accuracy").getAsDouble(), 0.0);
    assertEquals(1.0, metrics.get("roc_auc").getAsDouble(), 0.0);
    assertEquals("TARGET_LOSS", metrics.get("stop_reason").getAsString());
    Run iris = run("train", "iris", "--json", "--chart", dir.resolve("iris.png").toString());
    JsonObject m = lastLineJson(iris.out());
    assertTrue(m.get("test_accuracy").getAsDouble() >= 0.95, iris.out());
    assertTrue(m.has("macro_f1") && m.has("weighted_f1"), m.toString());
    assertTrue(m.get("restored_epoch").getAsInt() >= 1, "early stopping restored an epoch, counted from 1");
    assertTrue(iris.out().contains("virginica"), "the confusion matrix names the species: " + iris.out());
  }

  @Test
  void jsonWritesNonFiniteNumbersAsNullAndEscapesKeys() {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("a\"b", Double.NaN);
    values.put("c", 1.5);
    values.put("d", Double.POSITIVE_INFINITY);
    assertEquals("{\"a\\\"b\":null,\"c\":1.5,\"d\":null}", Json.object(values));
    assertEquals("test_accuracy", Json.key("test accuracy"));
    assertEquals("output_0_xor_1", Json.key("output(0 xor 1)"));
  }

  static JsonObject lastLineJson(String out) {
    List<String> lines = out.lines().toList();
    return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
  }
}
