package io.gradgen.processor.model;

import java.util.List;

/**
 * The facts about an annotated type that decide whether gradgen can implement it.
 *
 * @param kind interface, abstract class, or something else
 * @param isPrivate declared {@code private}
 * @param isInnerClass a nested class that is not {@code static}
 * @param isGeneric declares type parameters
 * @param hasUsableConstructor for a class: has a non-private constructor without parameters
 * @param abstractMethods the names of abstract methods gradgen would have to implement
 */
public record TypeShape(
    DeclarationKind kind,
    boolean isPrivate,
    boolean isInnerClass,
    boolean isGeneric,
    boolean hasUsableConstructor,
    List<String> abstractMethods) {

  public TypeShape {
    abstractMethods = List.copyOf(abstractMethods);
  }

  /** The shape of a plain public interface with no abstract methods. */
  public static TypeShape plainInterface() {
    return new TypeShape(DeclarationKind.INTERFACE, false, false, false, true, List.of());
  }
}
