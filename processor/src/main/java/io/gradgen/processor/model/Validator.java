package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every validation rule over a declaration and collects all problems, so a user sees every
 * mistake of a declaration in one build.
 */
public final class Validator {
  /** Every rule, in the order their messages are reported. */
  static final List<ValidationRule> RULES =
      List.of(
          new DeclarationKindRule(),
          new DeclarationAccessRule(),
          new AbstractMethodsRule(),
          new InputsRule(),
          new LayersPresentRule(),
          new LayerCountRule(),
          new UnitsRule(),
          new SizeBoundsRule(),
          new SlopeRule(),
          new UnitLoopRule(),
          new LayerNameRule(),
          new DuplicateLayerNameRule(),
          new SoftmaxPlacementRule(),
          new LossActivationRule(),
          new CustomFunctionRule(),
          new SizeRule());

  private Validator() {}

  /** All problems of {@code spec}; it is valid when none of them is an error. */
  public static List<Problem> validate(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (ValidationRule rule : RULES) {
      problems.addAll(rule.check(spec));
    }
    return problems;
  }

  /** True when {@code problems} holds an error. */
  public static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }
}
