package io.gradgen.onnx;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source files with javac and gradgen's processor (found on the test class path), as
 * a user's build compiles an imported declaration, and loads the classes.
 */
final class Javac {
  private Javac() {}

  /** Compiles every .java file under {@code sourceRoot} into {@code out}; a loader of the classes. */
  static ClassLoader compile(Path sourceRoot, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(sourceRoot)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    Files.createDirectories(out);
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
          "-Agradgen.report=false", "-Xlint:all", "-Werror");
      boolean ok = javac.getTask(diagnostics, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) {
        throw new AssertionError("javac failed on the imported declarations:\n" + diagnostics);
      }
    }
    return new URLClassLoader(new URL[] {out.toUri().toURL()}, Javac.class.getClassLoader());
  }
}
