package io.gradgen.processor.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.gradgen.processor.GradgenProcessor;
import io.gradgen.processor.testing.BuildToolDeclarations;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gradgen inside Gradle 8's own incremental-processing classes, as Gradle runs a processor that
 * declares itself isolating: {@code IsolatingProcessor} wraps the processing environment and the
 * filer. The output is javac's, and Gradle records one originating type for every generated file,
 * so it keeps compiling incrementally.
 *
 * <p>The classes come from Gradle's API jar ({@code dev.gradleplugins:gradle-api} on Maven
 * Central), loaded in a class loader of their own.
 */
class GradleIsolatingProcessorTest {
  private static final String PROCESSING = "org.gradle.api.internal.tasks.compile.processing.";
  private static final String RESULTS = "org.gradle.api.internal.tasks.compile.incremental.processing.";

  private static URLClassLoader gradle;

  @BeforeAll
  static void loadGradle() throws Exception {
    Path jar = Path.of(System.getProperty("gradgen.gradleApiJar", "gradle-api.jar"));
    assertThat(Files.isRegularFile(jar)).isTrue();
    gradle = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  @AfterAll
  static void closeGradle() throws Exception {
    gradle.close();
  }

  /** Gradle's record of one compilation's annotation processing. */
  private Object newProcessingResult() throws Exception {
    return gradle.loadClass(RESULTS + "AnnotationProcessingResult").getConstructor().newInstance();
  }

  /** gradgen wrapped in Gradle's IsolatingProcessor, reporting into {@code result}. */
  private Processor isolating(Object result) throws Exception {
    Class<?> resultType = gradle.loadClass(RESULTS + "AnnotationProcessingResult");
    Class<?> processorResultType = gradle.loadClass(RESULTS + "AnnotationProcessorResult");
    Object processorResult = processorResultType.getConstructor(resultType, String.class)
        .newInstance(result, GradgenProcessor.class.getName());
    return (Processor) gradle.loadClass(PROCESSING + "IsolatingProcessor")
        .getConstructor(Processor.class, processorResultType)
        .newInstance(new GradgenProcessor(), processorResult);
  }

  @Test
  void insideGradlesIsolatingProcessorTheOutputIsJavacs() throws Exception {
    Compilation c = BuildToolDeclarations.compile(isolating(newProcessingResult()));
    assertThat(c).succeededWithoutWarnings();
    assertThat(BuildToolDeclarations.generated(c)).containsExactlyEntriesIn(BuildToolDeclarations.reference());
  }

  @Test
  void gradleRecordsEachGeneratedTypeWithItsOneOriginatingType() throws Exception {
    Object result = newProcessingResult();
    assertThat(BuildToolDeclarations.compile(isolating(result))).succeeded();
    @SuppressWarnings("unchecked")
    Map<String, Set<String>> typesByOrigin = (Map<String, Set<String>>)
        result.getClass().getMethod("getGeneratedTypesWithIsolatedOrigin").invoke(result);
    assertThat(typesByOrigin).containsExactly(
        "tools.SeedNet", Set.of("tools.SeedNetModel"),
        "tools.RobustNet", Set.of("tools.RobustNetModel", "tools.RobustNetGradients"),
        "tools.Line", Set.of("tools.LineGradients"));
    @SuppressWarnings("unchecked")
    Map<String, Set<?>> resourcesByOrigin = (Map<String, Set<?>>)
        result.getClass().getMethod("getGeneratedResourcesWithIsolatedOrigin").invoke(result);
    assertThat(resourcesByOrigin.keySet()).containsExactly("tools.SeedNet", "tools.RobustNet");
    assertThat(resourcesByOrigin.get("tools.SeedNet").toString()).contains("SeedNetModel.md");
    assertThat(resourcesByOrigin.get("tools.SeedNet").toString()).contains("SeedNetModel.dot");
    assertThat(result.getClass().getMethod("getFullRebuildCause").invoke(result)).isNull();
  }
}
