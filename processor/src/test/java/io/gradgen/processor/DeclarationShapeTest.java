package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Declarations whose generated class javac used to reject, with no gradgen error: each is now a
 * tagged error on the offending member, or generated code that compiles.
 */
class DeclarationShapeTest {
  private static final String NETWORK = "@Network(inputs = 2, layers = {@Dense(name = \"h\", units = %d, activation ="
      + " Activation.SIGMOID), @Dense(name = \"%s\", units = %d)}, loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.%s)";

  private static JavaFileObject source(String name, String shape, String... body) {
    return JavaFileObjects.forSourceLines("d." + name, "package d;", "import io.gradgen.*;",
        String.format(NETWORK, shape.equals("LOOPS") ? 20 : 2, "o", shape.equals("LOOPS") ? 20 : 1, shape),
        String.join("\n", body));
  }

  private static Compilation compile(JavaFileObject... files) {
    return Compiler.javac().withProcessors(new GradgenProcessor()).compile(files);
  }

  private static final List<String> SHAPES = List.of("STRAIGHT_LINE", "LOOPS");

  @Test
  void aMemberTheGeneratedClassCannotOverrideOrHideIsAnErrorOnIt() {
    for (String shape : SHAPES) {
      JavaFileObject helper = source("Helper", shape, "public abstract class Helper {", "  protected Helper() {}",
          "  static void checkLength(String n, double[] a, int l) {}", "}");
      assertThat(compile(helper)).hadErrorContaining("[gradgen.member-clash] the method checkLength(java.lang.String, double[], int)"
          + " of Helper clashes with the method of that signature HelperModel declares").inFile(helper).onLineContaining("checkLength");
      JavaFileObject finalPredict = source("Final", shape, "public abstract class Final implements DifferentiableModel {",
          "  protected Final() {}", "  public final void predict(double[] x, double[] y) {}", "}");
      assertThat(compile(finalPredict)).hadErrorContaining("[gradgen.member-clash] the method predict(double[], double[]) of Final"
          + " clashes with the method of that signature FinalModel declares: it is final, so it cannot be overridden")
          .inFile(finalPredict).onLineContaining("final void predict");
      JavaFileObject defaults = source("Defaults", shape, "public interface Defaults {",
          "  default void checkLength(String n, double[] a, int l) {}", "}");
      assertThat(compile(defaults)).hadErrorContaining("the generated one is static, it is not");
    }
  }

  @Test
  void aNonFinalModelMethodOfTheDeclarationIsSimplyImplemented() {
    CompiledModels compiled = CompiledModels.compile(List.of(source("Overridable", "STRAIGHT_LINE",
        "public abstract class Overridable implements DifferentiableModel {", "  protected Overridable() {}",
        "  public void predict(double[] x, double[] y) { throw new UnsupportedOperationException(); }", "}")));
    DifferentiableModel model = compiled.model("d.OverridableModel");
    model.predict(new double[] {0.5, -0.5}, new double[1]); // the generated predict, not the declaration's
  }

  @Test
  void aNestedClassOrFieldCalledLikeAJdkClassTheGeneratedCodeUsesIsAnError() {
    for (String shape : SHAPES) {
      JavaFileObject nested = source("Nested", shape, "public abstract class Nested {", "  protected Nested() {}",
          "  protected static final class Math {}", "}");
      assertThat(compile(nested)).hadErrorContaining("[gradgen.member-clash] the class Math of Nested is inherited by NestedModel")
          .inFile(nested).onLineContaining("class Math");
      JavaFileObject field = source("Field", shape, "public abstract class Field {", "  protected Field() {}",
          "  protected final Object Math = null;", "}");
      assertThat(compile(field)).hadErrorContaining("[gradgen.member-clash] the field Math of Field is inherited by FieldModel");
      JavaFileObject pkg = source("Package", shape, "public abstract class Package {", "  protected Package() {}",
          "  protected int java;", "}");
      assertThat(compile(pkg)).hadErrorContaining("[gradgen.member-clash] the field 'java' hides the package java from PackageModel");
    }
  }

  @Test
  void nestedClassesNamedLikeGradgensTypesAreQualifiedAndCompile() {
    // Parameters and ThreadLocal are named through JavaPoet, which writes them in full where the
    // declaration has classes of those names.
    for (String shape : SHAPES) {
      CompiledModels compiled = CompiledModels.compile(List.of(source("Named" + shape, shape,
          "public abstract class Named" + shape + " {", "  protected Named" + shape + "() {}",
          "  protected static final class Parameters {}", "  protected static final class ThreadLocal {}", "}")));
      DifferentiableModel model = compiled.model("d.Named" + shape + "Model");
      model.predict(new double[] {0.5, -0.5}, new double[model.outputCount()]);
    }
  }

  @Test
  void aConstructorThatThrowsACheckedExceptionIsAnError() {
    JavaFileObject file = source("Throws", "STRAIGHT_LINE", "public abstract class Throws {",
        "  protected Throws() throws java.io.IOException {}", "}");
    assertThat(compile(file)).hadErrorContaining("[gradgen.declaration-constructor] the constructor Throws() declares throws"
        + " java.io.IOException, which ThrowsModel's constructors, calling it, would have to declare too");
    // An unchecked exception in the throws clause is fine.
    CompiledModels.compile(List.of(source("Unchecked", "STRAIGHT_LINE", "public abstract class Unchecked {",
        "  protected Unchecked() throws IllegalStateException {}", "}")));
  }

  @Test
  void aSealedDeclarationMustPermitTheGeneratedClass() {
    JavaFileObject closed = source("Closed", "STRAIGHT_LINE", "public sealed interface Closed permits Closed.Only {",
        "  final class Only implements Closed {}", "}");
    assertThat(compile(closed)).hadErrorContaining("[gradgen.declaration-sealed] a sealed @Network declaration must permit"
        + " ClosedModel, the final class gradgen generates in the same package; add it to the permits clause"
        + " ('permits ClosedModel, Only') or remove 'sealed'");
    for (String shape : SHAPES) {
      CompiledModels compiled = CompiledModels.compile(List.of(source("Permits" + shape, shape,
          "public sealed interface Permits" + shape + " permits Permits" + shape + "Model {}")));
      compiled.model("d.Permits" + shape + "Model");
    }
  }

  @Test
  void aLayerNamedLikeAnotherLayersGradientIsAnError() {
    for (String shape : SHAPES) {
      JavaFileObject file = JavaFileObjects.forSourceLines("d.Clash", "package d;", "import io.gradgen.*;",
          String.format(NETWORK, 20, "dE_h", 20, shape), "public interface Clash {}");
      assertThat(compile(file)).hadErrorContaining("[gradgen.layer-name] layer name \"dE_h\" starts with \"dE_\", the prefix of"
          + " gradgen's gradient variables");
    }
  }

  @Test
  void gradgensAnnotationsInsideMethodBodiesAreErrorsNotSilence() {
    JavaFileObject visible = source("Visible", "STRAIGHT_LINE", "public interface Visible {}");
    JavaFileObject local = JavaFileObjects.forSourceLines("d.Locals", "package d;", "import io.gradgen.*;",
        "public class Locals {",
        "  static void m() {",
        "    @Network(inputs = 1, layers = @Dense(name = \"o\", units = 1), loss = Loss.HALF_SUM_SQUARED_ERROR)",
        "    interface Local {}",
        "  }",
        "  Object o = new Object() { @Differentiable double f(double x) { return x; } };",
        "}");
    Compilation c = compile(visible, local);
    assertThat(c).hadErrorContaining("[gradgen.declaration-local] @Network on the local interface Local is never processed")
        .inFile(local).onLineContaining("@Network");
    assertThat(c).hadErrorContaining("[gradgen.declaration-local] @Differentiable on a method of an anonymous class is never"
        + " processed").inFile(local).onLineContaining("@Differentiable");
  }
}
