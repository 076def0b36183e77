package io.gradgen.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.GradgenProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs the processor over declarations in memory and loads the models it generated. */
public final class CompiledModels {
  private final Compilation compilation;
  private final ClassLoader loader;

  private CompiledModels(Compilation compilation) {
    this.compilation = compilation;
    this.loader = new InMemoryLoader(compilation);
  }

  /** Compiles {@code sources} with the gradgen processor; fails the test on any error. */
  public static CompiledModels compile(List<JavaFileObject> sources) {
    Compilation compilation =
        Compiler.javac().withProcessors(new GradgenProcessor()).withOptions("-Xlint:none").compile(sources);
    assertWithMessage("compilation errors: %s", compilation.errors())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return new CompiledModels(compilation);
  }

  public Compilation compilation() {
    return compilation;
  }

  /** A class of the compilation (a declaration or a generated class). */
  public Class<?> type(String qualifiedName) {
    try {
      return loader.loadClass(qualifiedName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + qualifiedName + " was compiled", e);
    }
  }

  /** A new instance of the generated class {@code qualifiedName}. */
  public DifferentiableModel model(String qualifiedName) {
    try {
      return (DifferentiableModel) loader.loadClass(qualifiedName).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + qualifiedName, e);
    }
  }

  /** A new instance of the generated float model {@code qualifiedName}. */
  public io.gradgen.DifferentiableFloatModel floatModel(String qualifiedName) {
    try {
      return (io.gradgen.DifferentiableFloatModel) loader.loadClass(qualifiedName).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + qualifiedName, e);
    }
  }

  /** The text of a generated source file, e.g. {@code "test/SeedNetModel.java"}. */
  public String source(String path) {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, path);
    assertWithMessage("generated %s", path).that(file.isPresent()).isTrue();
    try {
      return file.get().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads classes from the compilation's in-memory class output, the rest from the test's. */
  private static final class InMemoryLoader extends ClassLoader {
    private final Compilation compilation;

    InMemoryLoader(Compilation compilation) {
      super(CompiledModels.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file =
          compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
      if (file.isEmpty()) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.get().openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
