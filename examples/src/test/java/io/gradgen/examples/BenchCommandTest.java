package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code bench} command is registered and rejects bad options before starting JMH. */
class BenchCommandTest {
  private static int run(ByteArrayOutputStream err, String... args) {
    return Main.run(
        args,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownOptionIsABadArgument() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "bench", "--fast"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--fast'"));
  }

  @Test
  void anInvalidFilterIsABadArgument() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "bench", "--filter", "("));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a regular expression"));
  }

  @Test
  void aFilterThatMatchesNothingSaysSo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "bench", "--filter", "NoSuchBenchmarkAnywhere"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no benchmark matches --filter 'NoSuchBenchmarkAnywhere'"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theUsageListsIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("bench"));
  }
}
