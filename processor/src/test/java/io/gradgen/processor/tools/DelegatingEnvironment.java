package io.gradgen.processor.tools;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A processing environment that is not javac's own but passes every call on to one, as Gradle's
 * incremental wrapper does. Where it keeps the environment it delegates to is up to the subclass:
 * in a private field (as Gradle does), or out of reach (as no javac wrapper does: the stand-in for
 * a compiler without javac's tree API).
 */
abstract class DelegatingEnvironment implements ProcessingEnvironment {
  /** The environment every call goes to. */
  abstract ProcessingEnvironment delegate();

  /** Gradle's shape: javac's environment in a private final field. */
  static ProcessingEnvironment inField(ProcessingEnvironment env) {
    return new DelegatingEnvironment() {
      private final ProcessingEnvironment inner = env;

      @Override
      ProcessingEnvironment delegate() {
        return inner;
      }
    };
  }

  /** A wrapper around a wrapper, each holding the next in a field. */
  static ProcessingEnvironment twiceInField(ProcessingEnvironment env) {
    return inField(inField(env));
  }

  /** javac's environment reachable only through a lambda: nothing can unwrap it. */
  static ProcessingEnvironment outOfReach(ProcessingEnvironment env) {
    Supplier<ProcessingEnvironment> hidden = () -> env;
    return new DelegatingEnvironment() {
      private final Supplier<ProcessingEnvironment> inner = hidden;

      @Override
      ProcessingEnvironment delegate() {
        return inner.get();
      }
    };
  }

  @Override
  public Map<String, String> getOptions() {
    return delegate().getOptions();
  }

  @Override
  public Messager getMessager() {
    return delegate().getMessager();
  }

  @Override
  public Filer getFiler() {
    return delegate().getFiler();
  }

  @Override
  public Elements getElementUtils() {
    return delegate().getElementUtils();
  }

  @Override
  public Types getTypeUtils() {
    return delegate().getTypeUtils();
  }

  @Override
  public SourceVersion getSourceVersion() {
    return delegate().getSourceVersion();
  }

  @Override
  public Locale getLocale() {
    return delegate().getLocale();
  }
}
