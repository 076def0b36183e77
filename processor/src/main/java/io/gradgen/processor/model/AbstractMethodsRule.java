package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;

/** gradgen implements a declaration only with its own members, so it must declare no others. */
final class AbstractMethodsRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (String method : spec.type().abstractMethods()) {
      problems.add(
          Problem.error(
              "abstract-method",
              Location.member(method),
              "gradgen cannot implement the abstract method '"
                  + method
                  + "' of a @Network declaration; give it a body (a default method in an"
                  + " interface) or remove it"));
    }
    return problems;
  }
}
