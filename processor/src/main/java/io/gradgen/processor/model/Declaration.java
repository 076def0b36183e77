package io.gradgen.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A {@link NetworkSpec} together with the source elements it was read from, so that a {@link
 * Problem} can be reported on the exact annotation or attribute it is about.
 *
 * @param spec what was declared
 * @param type the annotated type
 * @param network the {@code @Network} annotation
 * @param layers the {@code @Dense} annotations, in order
 */
public record Declaration(
    NetworkSpec spec, TypeElement type, AnnotationMirror network, List<AnnotationMirror> layers) {

  public Declaration {
    layers = List.copyOf(layers);
  }

  /** Where to report a problem: an element, and possibly an annotation and one of its values. */
  public record Site(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value) {}

  /** The source position of {@code location}. */
  public Site site(Location location) {
    if (!location.member().isEmpty()) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals(location.member())) {
          return new Site(method, Optional.empty(), Optional.empty());
        }
      }
      return new Site(type, Optional.empty(), Optional.empty());
    }
    if (location.isLayer() && location.layer() < layers.size()) {
      AnnotationMirror layer = layers.get(location.layer());
      return new Site(type, Optional.of(layer), explicitValue(layer, location.attribute()));
    }
    if (location.attribute().isEmpty() && location.layer() < 0 && location.equals(Location.declaration())) {
      return new Site(type, Optional.empty(), Optional.empty());
    }
    return new Site(type, Optional.of(network), explicitValue(network, location.attribute()));
  }

  /** The value written for {@code attribute}, if it was written rather than defaulted. */
  private static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
