package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Layer names become parts of Java identifiers in the generated code ({@code hidden_z0}), so they
 * must be identifiers themselves, and not start with the prefix of gradient names ({@code dE_}): a
 * layer {@code dE_h} would name its values as the gradients of a layer {@code h} are named.
 */
final class LayerNameRule implements ValidationRule {
  /** Generated names of gradients start with this, then the layer's name ({@code dE_hidden_z}). */
  static final String GRADIENT_PREFIX = "dE_";

  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      String name = spec.layers().get(i).name();
      if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || name.contains("$")) {
        problems.add(
            Problem.error(
                "layer-name",
                Location.layer(i, "name"),
                "layer name \""
                    + name
                    + "\" is not a Java identifier; gradgen names variables after it, so use"
                    + " letters, digits and '_', e.g. name = \"hidden"
                    + (i + 1)
                    + "\""));
      } else if (name.startsWith(GRADIENT_PREFIX)) {
        problems.add(
            Problem.error(
                "layer-name",
                Location.layer(i, "name"),
                "layer name \"" + name + "\" starts with \"" + GRADIENT_PREFIX + "\", the prefix of gradgen's"
                    + " gradient variables (dE_h_z is ∂E/∂z of a layer h), so its variables could be another"
                    + " layer's gradients; rename it, e.g. name = \"" + name.substring(GRADIENT_PREFIX.length()) + "Layer\""));
      }
    }
    return problems;
  }
}
