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
 * @param constructorThrows the checked exceptions the constructor without parameters declares
 * @param permits for a {@code sealed} type, the simple names of the subclasses it permits; empty
 *     when it is not sealed
 */
public record TypeShape(
    DeclarationKind kind,
    boolean isPrivate,
    boolean isInnerClass,
    boolean isGeneric,
    boolean hasUsableConstructor,
    List<String> abstractMethods,
    List<String> constructorThrows,
    java.util.Optional<List<String>> permits) {

  public TypeShape {
    abstractMethods = List.copyOf(abstractMethods);
    constructorThrows = List.copyOf(constructorThrows);
    permits = permits.map(List::copyOf);
  }

  /** The facts of a type that is neither sealed nor throws from its constructor. */
  public TypeShape(DeclarationKind kind, boolean isPrivate, boolean isInnerClass, boolean isGeneric,
      boolean hasUsableConstructor, List<String> abstractMethods) {
    this(kind, isPrivate, isInnerClass, isGeneric, hasUsableConstructor, abstractMethods, List.of(), java.util.Optional.empty());
  }

  /** The shape of a plain public interface with no abstract methods. */
  public static TypeShape plainInterface() {
    return new TypeShape(DeclarationKind.INTERFACE, false, false, false, true, List.of());
  }
}
