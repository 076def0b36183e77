package io.gradgen.processor.tools;

import static com.google.common.truth.Truth.assertThat;

import io.gradgen.processor.GradgenProcessor;
import io.gradgen.processor.testing.BuildToolDeclarations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse's compiler (ECJ, which Eclipse and VS Code's Java support compile with), through its
 * {@code javax.tools} API on files, as an IDE runs it: a network of built-in functions generates
 * byte for byte what javac generates; a {@code @Differentiable} method, whose body ECJ does not
 * show annotation processors, is a tagged error on the method, and nothing is generated from it.
 */
class EcjTest {
  @TempDir Path dir;

  /** What ECJ reported, and every source and resource gradgen generated. */
  private record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> generated) {
    List<String> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
    }
  }

  private Result ecj(JavaFileObject... declarations) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (JavaFileObject d : declarations) {
      Path file = src.resolve(d.toUri().getPath().replaceFirst("^/", ""));
      Files.createDirectories(file.getParent());
      Files.writeString(file, d.getCharContent(true), StandardCharsets.UTF_8);
      files.add(file);
    }
    EclipseCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      fm.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      fm.setLocationFromPaths(StandardLocation.CLASS_PATH,
          Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).map(Path::of).toList());
      var task = ecj.getTask(null, fm, diagnostics, List.of("--release", "17"), null,
          fm.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new GradgenProcessor()));
      boolean success = task.call();
      Map<String, String> out = new TreeMap<>();
      out.putAll(files(generated, ".java"));
      out.putAll(files(classes, ".md"));
      out.putAll(files(classes, ".dot"));
      return new Result(success, diagnostics.getDiagnostics(), out);
    }
  }

  private static Map<String, String> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toMap(
          p -> root.relativize(p).toString().replace('\\', '/'), EcjTest::read, (a, b) -> a, TreeMap::new));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void builtInNetworkIsByteIdenticalToJavacs() throws IOException {
    Result r = ecj(BuildToolDeclarations.BUILT_IN);
    assertThat(r.errors()).isEmpty();
    assertThat(r.success()).isTrue();
    assertThat(r.generated()).containsExactlyEntriesIn(BuildToolDeclarations.reference(BuildToolDeclarations.BUILT_IN_OUTPUT));
    assertThat(Files.isRegularFile(dir.resolve("classes/tools/SeedNetModel.class"))).isTrue(); // and ECJ compiled it
  }

  @Test
  void differentiableMethodsAreTaggedErrorsThatNameEcjNeverZeroGradients() throws IOException {
    Result r = ecj(BuildToolDeclarations.CUSTOM, BuildToolDeclarations.PLAIN);
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(3);
    assertThat(r.errors().get(0)).startsWith("8: [gradgen.compiler] RobustNet.swish cannot be differentiated");
    assertThat(r.errors().get(1)).startsWith("9: [gradgen.compiler] RobustNet.huber cannot be differentiated");
    assertThat(r.errors().get(2)).startsWith("5: [gradgen.compiler] Line.sse cannot be differentiated");
    assertThat(r.errors().get(0)).contains("Eclipse's compiler (ECJ, used by Eclipse and VS Code)");
    assertThat(r.generated()).isEmpty();
  }
}
