package io.gradgen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.gradgen.Network;
import io.gradgen.processor.diff.MissingGateRuleException;
import io.gradgen.processor.model.Declaration;
import io.gradgen.processor.model.DeclarationReader;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.Problem;
import io.gradgen.processor.model.Validator;
import io.gradgen.processor.report.DerivationReport;
import io.gradgen.processor.report.GraphPicture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The gradgen annotation processor. It only runs the round loop: for each {@code @Network} type,
 * read and validate it, then hand it to the {@link Pipeline} and write the result.
 *
 * <p>Every problem of a declaration is reported at once, each on its element; a failing
 * declaration does not stop the others. No exception ever leaves this class: an internal failure
 * becomes a compile error that says which declaration it happened on.
 */
@AutoService(Processor.class)
public final class GradgenProcessor extends AbstractProcessor {
  private final Function<NetworkSpec, JavaFile> generator;

  /** The processor as javac loads it. */
  public GradgenProcessor() {
    this(Pipeline::generate);
  }

  /** A processor whose code generation is replaced, so tests can make it fail. */
  GradgenProcessor(Function<NetworkSpec, JavaFile> generator) {
    this.generator = generator;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Network.class.getCanonicalName());
  }

  /** {@code -Agradgen.report=false} turns off the derivation report and the graph picture. */
  public static final String REPORT_OPTION = "gradgen.report";

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(REPORT_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement network = processingEnv.getElementUtils().getTypeElement(Network.class.getCanonicalName());
    if (network == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(network)) {
      if (element instanceof TypeElement type) {
        try {
          process(type);
        } catch (RuntimeException | LinkageError e) {
          internalError(type, e);
        }
      }
    }
    return false;
  }

  private void process(TypeElement type) {
    Optional<Declaration> read = new DeclarationReader(processingEnv.getElementUtils()).read(type);
    if (read.isEmpty()) {
      return; // javac reports the malformed annotation itself
    }
    Declaration declaration = read.get();
    List<Problem> problems = Validator.validate(declaration.spec());
    for (Problem problem : problems) {
      report(declaration, problem);
    }
    if (Validator.hasErrors(problems)) {
      return;
    }
    JavaFile file;
    try {
      file = generator.apply(declaration.spec());
    } catch (MissingGateRuleException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[gradgen.missing-gate-rule] " + e.getMessage() + "; no gradient was generated",
              type);
      return;
    }
    try {
      // The declaration is the one originating element: Gradle treats the processor as isolating.
      String name = file.packageName().isEmpty()
          ? declaration.spec().modelName()
          : file.packageName() + "." + declaration.spec().modelName();
      JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
      try (Writer writer = source.openWriter()) {
        file.writeTo(writer);
      }
      if (!"false".equals(processingEnv.getOptions().get(REPORT_OPTION))) {
        writeResource(declaration, ".md", DerivationReport.markdown(declaration.spec()));
        writeResource(declaration, ".dot", GraphPicture.dot(declaration.spec()));
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[gradgen.write] cannot write "
                  + declaration.spec().modelName()
                  + ": "
                  + e.getMessage()
                  + " (is there already a type of that name?)",
              type);
    }
  }

  /** Writes {@code <Name>Model<suffix>} beside the generated class in the class output. */
  private void writeResource(Declaration declaration, String suffix, String text) throws IOException {
    FileObject resource =
        processingEnv
            .getFiler()
            .createResource(
                StandardLocation.CLASS_OUTPUT,
                declaration.spec().packageName(),
                declaration.spec().modelName() + suffix,
                declaration.type());
    try (Writer writer = resource.openWriter()) {
      writer.write(text);
    }
  }

  private void report(Declaration declaration, Problem problem) {
    Declaration.Site site = declaration.site(problem.location());
    Diagnostic.Kind kind = problem.isError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    var messager = processingEnv.getMessager();
    if (site.annotation().isEmpty()) {
      messager.printMessage(kind, problem.formatted(), site.element());
    } else if (site.value().isEmpty()) {
      messager.printMessage(kind, problem.formatted(), site.element(), site.annotation().get());
    } else {
      messager.printMessage(
          kind, problem.formatted(), site.element(), site.annotation().get(), site.value().get());
    }
  }

  private void internalError(TypeElement type, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            "[gradgen.internal] gradgen failed on "
                + type.getQualifiedName()
                + ": "
                + e
                + ". This is a bug in gradgen; please report it with the declaration.\n"
                + trace,
            type);
  }
}
