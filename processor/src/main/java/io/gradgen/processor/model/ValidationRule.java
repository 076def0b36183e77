package io.gradgen.processor.model;

import java.util.List;

/** One check of a declaration. Each rule is its own class and listed in {@link Validator}. */
public interface ValidationRule {
  /** The problems this rule finds in {@code spec}; empty when it has nothing to say. */
  List<Problem> check(NetworkSpec spec);
}
