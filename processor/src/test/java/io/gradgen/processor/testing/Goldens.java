package io.gradgen.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a checked-in golden file under {@code src/test/resources/goldens/<test
 * class>/<name>}. Run the tests with {@code -Dgradgen.updateGoldens=true} to rewrite the goldens
 * from the current output instead (then review the diff before committing it).
 */
public final class Goldens {
  private Goldens() {}

  public static void assertMatches(Class<?> test, String name, String actual) {
    Path dir = Path.of(System.getProperty("gradgen.goldens", "src/test/resources/goldens"));
    Path file = dir.resolve(test.getSimpleName()).resolve(name);
    try {
      if (Boolean.getBoolean("gradgen.updateGoldens")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(expected, actual, "generated text differs from golden " + file
          + " (rerun with -Dgradgen.updateGoldens=true to accept the change)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden " + file, e);
    }
  }

  /** A test resource as text. */
  public static String resource(String path) {
    try (var in = Goldens.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
