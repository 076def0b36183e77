package io.gradgen.processor.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.gradgen.processor.GradgenProcessor;
import io.gradgen.processor.testing.BuildToolDeclarations;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;
import javax.annotation.processing.ProcessingEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Build tools hand the processor their own wrapper of javac's processing environment. gradgen
 * looks through it for javac's tree API, so {@code @Differentiable} methods and custom layers give
 * exactly javac's output; where no javac environment can be reached, each such method is a tagged
 * error and the built-in network still works.
 */
class WrappedEnvironmentTest {
  private static Compilation compileWrapped(UnaryOperator<ProcessingEnvironment> wrap) {
    return BuildToolDeclarations.compile(new WrappingProcessor(new GradgenProcessor(), wrap));
  }

  @Test
  void delegatingEnvironmentLikeGradlesGivesJavacsOutput() {
    Compilation c = compileWrapped(DelegatingEnvironment::inField);
    assertThat(c).succeededWithoutWarnings();
    assertThat(BuildToolDeclarations.generated(c)).containsExactlyEntriesIn(BuildToolDeclarations.reference());
  }

  @Test
  void wrapperInsideAWrapperGivesJavacsOutput() {
    Compilation c = compileWrapped(DelegatingEnvironment::twiceInField);
    assertThat(c).succeededWithoutWarnings();
    assertThat(BuildToolDeclarations.generated(c)).containsExactlyEntriesIn(BuildToolDeclarations.reference());
  }

  @Test
  void proxyEnvironmentLikeIntellijsGivesJavacsOutput() {
    Compilation c = compileWrapped(WrappedEnvironmentTest::proxy);
    assertThat(c).succeededWithoutWarnings();
    assertThat(BuildToolDeclarations.generated(c)).containsExactlyEntriesIn(BuildToolDeclarations.reference());
  }

  @Test
  void unreachableJavacIsATaggedErrorOnEachDifferentiableMethodNeverAZeroGradient() {
    Compilation c = BuildToolDeclarations.compile(
        new WrappingProcessor(new GradgenProcessor(), DelegatingEnvironment::outOfReach),
        BuildToolDeclarations.CUSTOM, BuildToolDeclarations.PLAIN);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[gradgen.compiler] RobustNet.swish cannot be differentiated")
        .inFile(BuildToolDeclarations.CUSTOM).onLineContaining("double swish(");
    assertThat(c).hadErrorContaining("[gradgen.compiler] RobustNet.huber cannot be differentiated")
        .inFile(BuildToolDeclarations.CUSTOM).onLineContaining("double huber(");
    assertThat(c).hadErrorContaining("[gradgen.compiler] Line.sse cannot be differentiated")
        .inFile(BuildToolDeclarations.PLAIN).onLineContaining("double sse(");
  }

  @Test
  void unreachableJavacStillGeneratesTheBuiltInNetworkAsJavacDoes() {
    Compilation c = BuildToolDeclarations.compile(
        new WrappingProcessor(new GradgenProcessor(), DelegatingEnvironment::outOfReach), BuildToolDeclarations.BUILT_IN);
    assertThat(c).succeededWithoutWarnings();
    assertThat(BuildToolDeclarations.generated(c))
        .containsExactlyEntriesIn(BuildToolDeclarations.reference(BuildToolDeclarations.BUILT_IN_OUTPUT));
  }

  /** IntelliJ's shape: a dynamic proxy whose invocation handler holds javac's environment. */
  private static ProcessingEnvironment proxy(ProcessingEnvironment env) {
    InvocationHandler handler = new InvocationHandler() {
      private final Object target = env;

      @Override
      public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    };
    return (ProcessingEnvironment) Proxy.newProxyInstance(
        WrappedEnvironmentTest.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class}, handler);
  }
}
