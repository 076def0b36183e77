package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated class lives beside the declaration and extends or implements it, so the
 * declaration must be reachable from its package and, for a class, constructible.
 */
final class DeclarationAccessRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    TypeShape type = spec.type();
    List<Problem> problems = new ArrayList<>();
    if (type.isPrivate()) {
      problems.add(
          Problem.error(
              "declaration-access",
              Location.declaration(),
              "a @Network declaration must not be private: the generated "
                  + spec.modelName()
                  + " implements it from the same package; remove 'private'"));
    }
    if (type.isInnerClass()) {
      problems.add(
          Problem.error(
              "declaration-access",
              Location.declaration(),
              "a nested @Network class must be static so that "
                  + spec.modelName()
                  + " can extend it; add 'static'"));
    }
    if (type.isGeneric()) {
      problems.add(
          Problem.error(
              "declaration-generic",
              Location.declaration(),
              "a @Network declaration cannot have type parameters; remove them"));
    }
    if (type.kind() == DeclarationKind.ABSTRACT_CLASS && !type.hasUsableConstructor()) {
      problems.add(
          Problem.error(
              "declaration-constructor",
              Location.declaration(),
              "an abstract @Network class needs a non-private constructor without parameters,"
                  + " which "
                  + spec.modelName()
                  + " calls; add 'protected "
                  + spec.typeNames().get(spec.typeNames().size() - 1)
                  + "() {}'"));
    }
    if (type.kind() == DeclarationKind.ABSTRACT_CLASS && type.hasUsableConstructor() && !type.constructorThrows().isEmpty()) {
      String simple = spec.typeNames().get(spec.typeNames().size() - 1);
      problems.add(
          Problem.error(
              "declaration-constructor",
              Location.declaration(),
              "the constructor " + simple + "() declares throws " + String.join(", ", type.constructorThrows())
                  + ", which " + spec.modelName() + "'s constructors, calling it, would have to declare too;"
                  + " remove the throws clause (handle the exception inside the constructor)"));
    }
    type.permits().ifPresent(permitted -> {
      if (!permitted.contains(spec.modelName())) {
        problems.add(
            Problem.error(
                "declaration-sealed",
                Location.declaration(),
                "a sealed @Network declaration must permit " + spec.modelName() + ", the final class gradgen"
                    + " generates in the same package; add it to the permits clause ('permits " + spec.modelName()
                    + (permitted.isEmpty() ? "" : ", " + String.join(", ", permitted)) + "') or remove 'sealed'"));
      }
    });
    return problems;
  }
}
