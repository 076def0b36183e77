package io.gradgen.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Layer names become parts of Java identifiers in the generated code ({@code hidden_z0}), so they
 * must be identifiers themselves.
 */
final class LayerNameRule implements ValidationRule {
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
      }
    }
    return problems;
  }
}
