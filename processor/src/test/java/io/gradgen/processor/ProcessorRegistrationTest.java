package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** javac finds the processor, and Gradle treats it as isolating (incremental). */
class ProcessorRegistrationTest {
  private static String resource(String path) throws IOException {
    try (InputStream in = GradgenProcessor.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void registeredAsAnAnnotationProcessor() throws IOException {
    assertEquals(GradgenProcessor.class.getName(), resource("META-INF/services/javax.annotation.processing.Processor"));
  }

  @Test
  void declaredIsolatingForGradleIncrementalCompilation() throws IOException {
    assertEquals(GradgenProcessor.class.getName() + ",isolating",
        resource("META-INF/gradle/incremental.annotation.processors"));
  }
}
