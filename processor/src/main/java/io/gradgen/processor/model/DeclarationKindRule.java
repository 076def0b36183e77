package io.gradgen.processor.model;

import java.util.List;

/** {@code @Network} goes on an interface or an abstract class: gradgen writes the implementation. */
final class DeclarationKindRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    return switch (spec.type().kind()) {
      case INTERFACE, ABSTRACT_CLASS -> List.of();
      case CLASS -> List.of(
          Problem.error(
              "declaration-kind",
              Location.declaration(),
              "@Network must be on an interface or an abstract class, which gradgen implements as "
                  + spec.modelName()
                  + "; make "
                  + spec.typeNames().get(spec.typeNames().size() - 1)
                  + " an interface or declare it abstract"));
      case OTHER -> List.of(
          Problem.error(
              "declaration-kind",
              Location.declaration(),
              "@Network must be on an interface or an abstract class; declare the network on"
                  + " an interface, e.g. 'public interface MyNet {}'"));
    };
  }
}
