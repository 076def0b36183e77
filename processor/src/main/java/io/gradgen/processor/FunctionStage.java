package io.gradgen.processor;

import com.sun.source.util.Trees;
import io.gradgen.Differentiable;
import io.gradgen.processor.lower.LoweredFunction;
import io.gradgen.processor.model.Calls;
import io.gradgen.processor.model.FunctionError;
import io.gradgen.processor.model.FunctionReader;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.model.SourcePosition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The read stage of {@code @Differentiable} methods: each is read through javac's tree API, built
 * and differentiated before anything uses it, and every error is reported once, on its method.
 */
final class FunctionStage {
  /**
   * A type's functions, all of them differentiable.
   *
   * @param byName the functions by name (and, for overloads, by key)
   * @param lowered each function's gradient, lowered
   */
  record Functions(Map<String, FunctionSpec> byName, List<LoweredFunction> lowered) {}

  private final ProcessingEnvironment processingEnv;
  /** javac's tree API once looked up; empty under a compiler that has none. */
  private Optional<Trees> trees;

  FunctionStage(ProcessingEnvironment processingEnv) {
    this.processingEnv = processingEnv;
  }

  /** The type's functions, or empty when one cannot be differentiated (reported). */
  Optional<Functions> lower(TypeElement type) {
    Set<String> unreadable = new LinkedHashSet<>();
    Optional<List<FunctionSpec>> functions = readFunctions(type, unreadable);
    if (functions.isEmpty()) {
      return Optional.empty(); // reported
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
      return Optional.empty();
    }
    return Optional.of(new Functions(byName, lowered));
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
  Optional<Trees> trees() {
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

  /** A function problem, at its expression when it has one. */
  void report(Element fallback, FunctionError e) {
    String message = "[gradgen.function] " + e.getMessage();
    if (e.at() instanceof SourcePosition position) {
      trees().orElseThrow().printMessage(Diagnostic.Kind.ERROR, message, position.tree(), position.unit());
    } else {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, fallback);
    }
  }


  private static boolean hasAnnotation(Element e, Class<?> annotation) {
    return GradgenProcessor.hasAnnotation(e, annotation);
  }
}
