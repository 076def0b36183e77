package io.gradgen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.Trees;
import io.gradgen.Differentiable;
import io.gradgen.Network;
import io.gradgen.Parameter;
import io.gradgen.processor.emit.FunctionEmitter;
import io.gradgen.processor.lower.LoweredFunction;
import io.gradgen.processor.model.Calls;
import io.gradgen.processor.model.FunctionError;
import io.gradgen.processor.model.FunctionReader;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.model.SourcePosition;
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
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
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
  /** {@code -Agradgen.report=false} turns off the derivation report and the graph picture. */
  public static final String REPORT_OPTION = "gradgen.report";
  /** The annotation on every generated class, whose value is this class's name. */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  /** Past this width (inputs or units) no report is written: it lists a term per input. */
  static final int REPORT_MAX_WIDTH = 100_000;

  private final Function<NetworkSpec, JavaFile> generator;
  /** javac's tree API once looked up; empty under a compiler that has none. */
  private Optional<Trees> trees;

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
    trees = null; // looked up again for this compilation's environment
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
    trees().ifPresent(t -> {
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

  private void process(TypeElement type) {
    Set<String> unreadable = new LinkedHashSet<>();
    Optional<List<FunctionSpec>> functions = readFunctions(type, unreadable);
    if (functions.isEmpty()) {
      return; // reported
    }
    Map<String, FunctionSpec> byName = FunctionSpec.index(functions.get());
    // Every function is built and differentiated here, once, before anything uses it: each error is
    // reported once, on its own method, and no network is built from a function that has one.
    List<LoweredFunction> lowered = new java.util.ArrayList<>();
    Set<Object> reported = new java.util.HashSet<>();
    boolean failed = !unreadable.isEmpty();
    for (FunctionSpec f : functions.get()) {
      if (Calls.reachesAny(f, byName, unreadable)) {
        continue; // it calls a method whose error is reported already
      }
      try {
        lowered.add(FunctionPipeline.lower(f, byName));
      } catch (FunctionError e) {
        failed = true;
        // A method that inlines a broken one meets the same error again: report it once.
        if (reported.add(sameError(e))) {
          report(methodNamed(type, f.name()), e);
        }
      }
    }
    if (failed) {
      return;
    }
    if (hasAnnotation(type, Network.class)) {
      processNetwork(type, byName);
    }
    if (!lowered.isEmpty()) {
      List<String> names = DeclarationReader.typeNames(type);
      JavaFile file = FunctionEmitter.emit(
          DeclarationReader.packageName(processingEnv.getElementUtils(), type), names, lowered);
      write(file, FunctionEmitter.className(names), type);
    }
  }

  /**
   * What makes two function errors the same: the methods of a recursion cycle (f → g → f and g → f
   * → g are one cycle), else the message at its place in the source.
   */
  private static final java.util.regex.Pattern RECURSION = java.util.regex.Pattern.compile("recursion \\((.*)\\) cannot");

  private static Object sameError(FunctionError e) {
    String message = e.getMessage();
    java.util.regex.Matcher cycle = RECURSION.matcher(message);
    if (cycle.find()) {
      return new java.util.TreeSet<>(List.of(cycle.group(1).split(" → ")));
    }
    return e.at() == null ? List.of(message) : List.of(message, e.at());
  }

  /** The {@code @Differentiable} method {@code name} of {@code type}, or the type itself. */
  private static Element methodNamed(TypeElement type, String name) {
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name) && hasAnnotation(m, Differentiable.class)) {
        return m;
      }
    }
    return type;
  }

  /**
   * The type's {@code @Differentiable} methods that could be read, each other one reported and
   * named in {@code unreadable}; empty when none can be read (a Kotlin stub, no tree API).
   */
  private Optional<List<FunctionSpec>> readFunctions(TypeElement type, Set<String> unreadable) {
    boolean any = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .anyMatch(m -> hasAnnotation(m, Differentiable.class));
    if (!any) {
      return Optional.of(List.of());
    }
    if (KotlinStubs.isStub(type)) {
      forEachDifferentiable(type, method -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[gradgen.kapt] " + type.getSimpleName() + "." + method.getSimpleName() + " is Kotlin, which"
              + " kapt shows gradgen only as a stub whose body is a placeholder, so its gradient would be"
              + " zero; declare the @Differentiable methods, and the @Network type that uses them, in a"
              + " Java source file (@Network with built-in activations and losses works from Kotlin)",
          method));
      return Optional.empty();
    }
    Optional<Trees> found = trees();
    if (found.isEmpty()) {
      forEachDifferentiable(type, method -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[gradgen.compiler] " + type.getSimpleName() + "." + method.getSimpleName() + " cannot be"
              + " differentiated: gradgen reads @Differentiable bodies through javac's tree API, which "
              + compilerName() + " does not give annotation processors; build with javac (Maven, Gradle"
              + " or IntelliJ), and in Eclipse or VS Code let the Maven or Gradle build generate the"
              + " gradients (@Network with built-in activations and losses works with every compiler)",
          method));
      return Optional.empty();
    }
    FunctionReader reader = new FunctionReader(found.get(), processingEnv.getElementUtils());
    List<FunctionSpec> functions = new java.util.ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (hasAnnotation(method, Differentiable.class)) {
        try {
          functions.add(reader.read(type, method));
        } catch (FunctionError e) {
          report(method, e);
          unreadable.add(method.getSimpleName().toString());
        }
      }
    }
    return Optional.of(functions);
  }

  private static void forEachDifferentiable(TypeElement type, java.util.function.Consumer<ExecutableElement> action) {
    ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> hasAnnotation(m, Differentiable.class))
        .forEach(action);
  }

  /** javac's tree API, looked up once, through build tools' wrappers (see {@link SourceTrees}). */
  private Optional<Trees> trees() {
    if (trees == null) {
      trees = SourceTrees.find(processingEnv);
    }
    return trees;
  }

  /** The compiler, as the error that it cannot read method bodies names it. */
  private String compilerName() {
    return processingEnv.getClass().getName().startsWith("org.eclipse.jdt")
        ? "Eclipse's compiler (ECJ, used by Eclipse and VS Code)"
        : "this compiler (" + processingEnv.getClass().getName() + ")";
  }

  private static boolean hasAnnotation(Element e, Class<?> annotation) {
    return e.getAnnotationMirrors().stream().anyMatch(m ->
        ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation.getCanonicalName()));
  }

  /** A function problem, at its expression when it has one. */
  private void report(Element fallback, FunctionError e) {
    String message = "[gradgen.function] " + e.getMessage();
    if (e.at() instanceof SourcePosition position) {
      trees().orElseThrow().printMessage(Diagnostic.Kind.ERROR, message, position.tree(), position.unit());
    } else {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, fallback);
    }
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
      report(type, e);
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
