package io.gradgen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.gradgen.Differentiable;
import io.gradgen.Network;
import io.gradgen.Parameter;
import io.gradgen.processor.diff.MissingGateRuleException;
import io.gradgen.processor.emit.FunctionEmitter;
import io.gradgen.processor.model.Declaration;
import io.gradgen.processor.model.DeclarationReader;
import io.gradgen.processor.model.FunctionError;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.Problem;
import io.gradgen.processor.model.Validator;
import io.gradgen.processor.report.DerivationReport;
import io.gradgen.processor.report.GraphPicture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
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
  /** {@code -Agradgen.report=false} turns off the derivation report and the graph picture. */
  public static final String REPORT_OPTION = "gradgen.report";
  /** The annotation on every generated class, whose value is this class's name. */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  /** Past this width (inputs or units) no report is written: it lists a term per input. */
  static final int REPORT_MAX_WIDTH = 100_000;

  private final Function<NetworkSpec, JavaFile> generator;
  /** Reads and differentiates @Differentiable methods; one per compilation. */
  private FunctionStage functionStage;

  /** The processor as javac loads it. */
  public GradgenProcessor() {
    this(Pipeline::generate);
  }

  /** A processor whose code generation is replaced, so tests can make it fail. */
  GradgenProcessor(Function<NetworkSpec, JavaFile> generator) {
    this.generator = generator;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    functionStage = null; // made again for this compilation's environment
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // @Parameter too, and the @Generated of gradgen's own output: they are claimed, so that
    // -Xlint:all (processing) has nothing to warn about.
    return Set.of(Network.class.getCanonicalName(), Differentiable.class.getCanonicalName(),
        Parameter.class.getCanonicalName(), GENERATED);
  }

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
    Elements elements = processingEnv.getElementUtils();
    TypeElement network = elements.getTypeElement(Network.class.getCanonicalName());
    TypeElement differentiable = elements.getTypeElement(Differentiable.class.getCanonicalName());
    // Every type to process, in source order: @Network types and types with @Differentiable methods.
    Set<TypeElement> types = new LinkedHashSet<>();
    if (network != null) {
      for (Element e : round.getElementsAnnotatedWith(network)) {
        if (e instanceof TypeElement type) {
          types.add(type);
        }
      }
    }
    if (differentiable != null) {
      for (Element e : round.getElementsAnnotatedWith(differentiable)) {
        if (e.getEnclosingElement() instanceof TypeElement type) {
          types.add(type);
        }
      }
    }
    functionStage().trees().ifPresent(t -> {
      for (Element root : round.getRootElements()) {
        if (root instanceof TypeElement type) {
          try {
            Diagnostics.reportLocalDeclarations(processingEnv, t, type);
          } catch (RuntimeException | LinkageError e) {
            internalError(type, e);
          }
        }
      }
    });
    for (TypeElement type : types) {
      try {
        process(type);
      } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
        internalError(type, e);
      }
    }
    return claims(annotations, round);
  }

  /**
   * Whether to claim this round's annotations: gradgen's own always; {@code @Generated} only while
   * every class that carries it was generated by gradgen, so other processors still see the rest.
   */
  private static boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(GENERATED)) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          boolean ours = e.getAnnotationMirrors().stream()
              .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(GENERATED))
              .flatMap(m -> m.getElementValues().values().stream())
              .map(javax.lang.model.element.AnnotationValue::getValue)
              .flatMap(v -> v instanceof List<?> values ? values.stream() : java.util.stream.Stream.of(v))
              .map(v -> v instanceof javax.lang.model.element.AnnotationValue a ? a.getValue() : v)
              .anyMatch(GradgenProcessor.class.getName()::equals);
          if (!ours) {
            return false;
          }
        }
      }
    }
    return true;
  }

  static boolean hasAnnotation(Element e, Class<?> annotation) {
    return e.getAnnotationMirrors().stream().anyMatch(m ->
        ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation.getCanonicalName()));
  }

  private void process(TypeElement type) {
    Optional<FunctionStage.Functions> functions = functionStage().lower(type);
    if (functions.isEmpty()) {
      return; // reported, each error once on its method
    }
    if (hasAnnotation(type, Network.class)) {
      processNetwork(type, functions.get().byName());
    }
    if (!functions.get().lowered().isEmpty()) {
      List<String> names = DeclarationReader.typeNames(type);
      JavaFile file = FunctionEmitter.emit(
          DeclarationReader.packageName(processingEnv.getElementUtils(), type), names, functions.get().lowered());
      write(file, FunctionEmitter.className(names), type);
    }
  }

  /** The function stage of this compilation, made on first use (after {@link #init}). */
  private FunctionStage functionStage() {
    if (functionStage == null) {
      functionStage = new FunctionStage(processingEnv);
    }
    return functionStage;
  }

  private void processNetwork(TypeElement type, Map<String, FunctionSpec> functions) {
    Optional<Declaration> read = new DeclarationReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils()).read(type, functions);
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
    } catch (FunctionError e) {
      functionStage().report(type, e);
      return;
    }
    Optional<JavaFile> safe = Diagnostics.withoutMemberClashes(processingEnv, type, declaration.spec().modelName(), file);
    if (safe.isEmpty()) {
      return; // reported
    }
    file = safe.get();
    boolean reported = !"false".equals(processingEnv.getOptions().get(REPORT_OPTION));
    int widest = Math.max(declaration.spec().inputs(),
        declaration.spec().layers().stream().mapToInt(l -> l.units()).max().orElse(0));
    if (reported && widest > REPORT_MAX_WIDTH) {
      // The report writes one neuron of each layer in full, a term per input: ~100 bytes each.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "[gradgen.report] "
          + declaration.spec().modelName() + " is " + widest + " wide, more than the " + REPORT_MAX_WIDTH
          + " up to which gradgen writes the derivation report and picture; none is written for it", type);
      reported = false;
    }
    if (write(file, declaration.spec().modelName(), type) && reported) {
      try {
        writeResource(declaration, ".md", DerivationReport.markdown(declaration.spec()));
        writeResource(declaration, ".dot", GraphPicture.dot(declaration.spec()));
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            "[gradgen.write] cannot write the report of " + declaration.spec().modelName() + ": " + e.getMessage(), type);
      }
    }
  }

  /**
   * Writes a generated source file whose one originating element is {@code type}, as Gradle's
   * isolating mode requires; false after reporting a failure.
   */
  private boolean write(JavaFile file, String simpleName, TypeElement type) {
    String name = file.packageName().isEmpty() ? simpleName : file.packageName() + "." + simpleName;
    try {
      JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
      try (Writer writer = source.openWriter()) {
        file.writeTo(writer);
      }
      return true;
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[gradgen.write] cannot write " + simpleName + ": " + e.getMessage() + " (is there already a type of that name?)",
          type);
      return false;
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
    StringWriter full = new StringWriter();
    e.printStackTrace(new PrintWriter(full));
    // A stack overflow's trace is a thousand copies of one frame: the first few say where.
    String trace = full.toString().lines().limit(30).collect(java.util.stream.Collectors.joining("\n"));
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
