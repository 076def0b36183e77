package io.gradgen.processor.tools;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.CodeShape;
import io.gradgen.Precision;
import io.gradgen.processor.GradgenProcessor;
import io.gradgen.processor.testing.BuildToolDeclarations;
import io.gradgen.processor.testing.CoverageNetworks;
import io.gradgen.processor.testing.Declarations;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A consumer that compiles with {@code -Xlint:all -Werror} builds: gradgen claims its annotations
 * (and the {@code @Generated} of its own output), and the generated code, in every code shape and
 * precision, has nothing for javac to warn about.
 */
class LintTest {
  @Test
  void everyAnnotationClaimedAndGeneratedCodeLintClean() {
    List<JavaFileObject> sources = new ArrayList<>(BuildToolDeclarations.ALL);
    sources.add(JavaFileObjects.forSourceLines("lint.Tree",
        "package lint;",
        "import io.gradgen.*;",
        "public class Tree {",
        "  @Parameter double w;",
        "  @Parameter double b;",
        "  @Differentiable double age(double width) { return w * width + b; }",
        "}"));
    for (CoverageNetworks.Case c : CoverageNetworks.CASES.subList(0, 3)) {
      sources.add(Declarations.file("lint", c.name(), c.inputs(), c.layers(), c.loss()));
      sources.add(Declarations.file("lintloops", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS));
      sources.add(Declarations.file("lintfloat", c.name(), c.inputs(), c.layers(), c.loss(), Precision.FLOAT));
      sources.add(Declarations.file(
          "lintfloatloops", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS, Precision.FLOAT));
    }
    Compilation c = Compiler.javac().withProcessors(new GradgenProcessor())
        .withOptions("-Xlint:all", "-Werror").compile(sources);
    assertThat(c).succeededWithoutWarnings();
  }
}
