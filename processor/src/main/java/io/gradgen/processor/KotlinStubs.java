package io.gradgen.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Recognizes the Java stubs that Kotlin's kapt hands javac in place of Kotlin sources.
 *
 * <p>kapt runs Java annotation processors over generated Java stubs of the Kotlin declarations.
 * A stub keeps every signature and annotation, but its method bodies are placeholders
 * ({@code return 0.0;}), so a gradient read from one would be silently zero. Every stub class
 * carries Kotlin's {@code @kotlin.Metadata}, which Java source never has unless it is such a stub.
 */
final class KotlinStubs {
  /** The annotation the Kotlin compiler puts on every class it compiles, stubs included. */
  static final String METADATA = "kotlin.Metadata";

  private KotlinStubs() {}

  /**
   * Whether {@code type}, or a type that encloses it, is a Kotlin class seen through a kapt stub.
   *
   * @param type a type being processed
   * @return true if it or an enclosing type is annotated {@code @kotlin.Metadata}
   */
  static boolean isStub(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      boolean kotlin = e.getAnnotationMirrors().stream().anyMatch(m ->
          ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(METADATA));
      if (kotlin) {
        return true;
      }
    }
    return false;
  }
}
