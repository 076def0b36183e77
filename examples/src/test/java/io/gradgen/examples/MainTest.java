package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo command: {@code seed --json} prints the seed network's numbers in full precision. */
class MainTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The flat JSON object's keys and numbers, in order. */
  private static Map<String, Double> parse(String json) {
    String body = json.trim();
    assertTrue(body.startsWith("{") && body.endsWith("}"), "one JSON object: " + json);
    Map<String, Double> values = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"([^\"]+)\":\\s*(-?[0-9.Ee+-]+)").matcher(body);
    while (m.find()) {
      values.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }

  @Test
  void seedJsonHoldsTheOutputsTheLossAndEveryGradient() {
    Run r = run("seed", "--json");
    assertEquals(0, r.exit());
    Map<String, Double> v = parse(r.out());
    assertEquals(
        java.util.List.of("out_o1", "out_o2", "E_total", "w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2"),
        java.util.List.copyOf(v.keySet()));
    assertEquals(0.702307507, v.get("out_o1"), 1e-9);
    assertEquals(0.714634132, v.get("out_o2"), 1e-9);
    assertEquals(0.096867268, v.get("E_total"), 1e-9);
    assertEquals(-0.018375021, v.get("w5"), 1e-9);
    assertEquals(0.000425237, v.get("w1"), 1e-9);
    // Full precision: the printed numbers are exactly what the model computes.
    SeedExample.Result exact = SeedExample.run();
    assertEquals(exact.gradient()[5], v.get("w5"), 0.0);
    assertEquals(exact.loss(), v.get("E_total"), 0.0);
  }

  @Test
  void seedTableShowsTheNumbersAndTheGeneratedSource() {
    Run r = run("seed");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("E_total = 0.096867268"), r.out());
    assertTrue(r.out().contains("w5"), r.out());
    assertTrue(r.out().contains("SeedNetModel.java"), r.out());
  }

  @Test
  void unknownCommandsAndOptionsFailWithUsage() {
    Run unknown = run("train-everything");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Unmatched argument at index 0: 'train-everything'"), unknown.err());
    Run badOption = run("seed", "--xml");
    assertEquals(2, badOption.exit());
    assertTrue(badOption.err().contains("seed: Unknown option: '--xml'"), badOption.err());
    assertTrue(badOption.err().contains("Try 'gradgen-examples seed --help'"), badOption.err());
  }
}
