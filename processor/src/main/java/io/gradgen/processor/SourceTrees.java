package io.gradgen.processor;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's tree API ({@link Trees}) for a processing environment, also when a build tool has
 * wrapped javac's environment in its own.
 *
 * <p>{@link Trees#instance(ProcessingEnvironment)} accepts nothing but javac's own
 * {@code JavacProcessingEnvironment}. Build tools that watch what a processor generates hand it a
 * decorator instead, which holds javac's environment in a field: Gradle's incremental processing
 * (a delegating class), IntelliJ's build (a {@link Proxy} whose handler holds it). This class looks
 * through such wrappers, a few levels deep, for an environment that javac accepts. It only reads
 * fields; the wrapper itself stays what the processor uses for everything else (in particular its
 * {@code Filer}, through which Gradle records which source each generated file comes from).
 *
 * <p>A compiler that is not javac (Eclipse's ECJ) has no such environment anywhere: the result is
 * then empty, and the caller reports that {@code @Differentiable} methods need javac.
 */
final class SourceTrees {
  /** Wrappers inside wrappers are looked through up to this depth. */
  private static final int MAX_DEPTH = 4;

  private SourceTrees() {}

  /**
   * javac's tree API for {@code env} or for the javac environment it wraps.
   *
   * @param env the environment the processor was initialized with
   * @return the trees, or empty if no javac environment is reachable from {@code env}
   */
  static Optional<Trees> find(ProcessingEnvironment env) {
    return javacEnvironment(env).map(Trees::instance);
  }

  /**
   * The javac environment reachable from {@code env}: {@code env} itself if it is javac's, else the
   * first javac environment held, directly or through further wrappers, in a field of {@code env}
   * (or of its invocation handler, if it is a proxy).
   *
   * @param env the environment the processor was initialized with
   * @return javac's environment, or empty if there is none (a compiler other than javac)
   */
  static Optional<ProcessingEnvironment> javacEnvironment(ProcessingEnvironment env) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<ProcessingEnvironment> level = new ArrayDeque<>(List.of(env));
    for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
      Deque<ProcessingEnvironment> next = new ArrayDeque<>();
      for (ProcessingEnvironment candidate : level) {
        if (!seen.add(candidate)) {
          continue;
        }
        if (isJavac(candidate)) {
          return Optional.of(candidate);
        }
        next.addAll(wrapped(candidate));
      }
      level = next;
    }
    return Optional.empty();
  }

  /** Whether javac's tree API accepts {@code env}. */
  private static boolean isJavac(ProcessingEnvironment env) {
    try {
      Trees.instance(env);
      return true;
    } catch (IllegalArgumentException notJavac) {
      return false;
    } catch (LinkageError | RuntimeException noTreeApi) {
      return false; // a JVM without jdk.compiler, or javac refusing for another reason
    }
  }

  /** The environments held in the fields of {@code wrapper}, or of its handler if it is a proxy. */
  private static List<ProcessingEnvironment> wrapped(ProcessingEnvironment wrapper) {
    Object holder = Proxy.isProxyClass(wrapper.getClass()) ? Proxy.getInvocationHandler(wrapper) : wrapper;
    List<ProcessingEnvironment> found = new ArrayList<>();
    for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        Object value = read(field, holder);
        if (value instanceof ProcessingEnvironment inner && inner != wrapper) {
          found.add(inner);
        }
      }
    }
    return found;
  }

  /** The field's value, or null where the module system or a security manager forbids reading it. */
  private static Object read(Field field, Object holder) {
    try {
      return field.trySetAccessible() ? field.get(holder) : null;
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }
}
