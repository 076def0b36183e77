package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom activation names a {@code @Differentiable} static method of the declaration taking one
 * {@code double}; a custom loss one taking two (output, target). A function name is only used with
 * {@code CUSTOM}.
 */
final class CustomFunctionRule implements ValidationRule {
  @Override
  public List<Problem> check(NetworkSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      if (layer.activation() == Activation.CUSTOM) {
        problems.addAll(reference(spec, layer.function(), 1, Location.layer(i, layer.function().isEmpty() ? "activation" : "function"),
            "layer '" + layer.name() + "' has activation = CUSTOM", "double " + example(layer.function(), "swish") + "(double z)"));
      } else if (!layer.function().isEmpty()) {
        problems.add(Problem.error("custom-function", Location.layer(i, "function"),
            "function = \"" + layer.function() + "\" is only used with activation = Activation.CUSTOM;"
                + " set that, or remove the function"));
      }
    }
    if (spec.loss() == Loss.CUSTOM && overloaded(spec, spec.lossFunction())
        && spec.layers().stream().anyMatch(l -> l.activation() == Activation.CUSTOM && l.function().equals(spec.lossFunction()))) {
      // The network looks its functions up by name, one function per name.
      FunctionSpec activation = spec.functions().get(spec.lossFunction());
      String loss = spec.functions().values().stream()
          .filter(f -> f.name().equals(spec.lossFunction()) && f.takesScalars(2)).map(FunctionSpec::key).findFirst().orElse("?");
      problems.add(Problem.error("custom-function", Location.network("lossFunction"), "'" + spec.lossFunction()
          + "' names both a layer's activation, " + (activation == null ? "?" : activation.key()) + ", and the loss, " + loss
          + "; give the loss function its own name, e.g. lossFunction = \"" + spec.lossFunction() + "Loss\""));
      return problems;
    }
    if (spec.loss() == Loss.CUSTOM) {
      problems.addAll(reference(spec, spec.lossFunction(), 2, Location.network(spec.lossFunction().isEmpty() ? "loss" : "lossFunction"),
          "loss = CUSTOM", "double " + example(spec.lossFunction(), "huber") + "(double output, double target)"));
    } else if (!spec.lossFunction().isEmpty()) {
      problems.add(Problem.error("custom-function", Location.network("lossFunction"),
          "lossFunction = \"" + spec.lossFunction() + "\" is only used with loss = Loss.CUSTOM; set that, or remove it"));
    }
    return problems;
  }

  private static boolean overloaded(NetworkSpec spec, String name) {
    return spec.functions().values().stream().filter(f -> f.name().equals(name)).map(FunctionSpec::key).distinct().count() > 1;
  }

  private static String example(String name, String fallback) {
    return name.isEmpty() ? fallback : name;
  }

  private static List<Problem> reference(
      NetworkSpec spec, String name, int arguments, Location where, String context, String signature) {
    if (name.isEmpty()) {
      return List.of(Problem.error("custom-function", where, context + " but names no function; add "
          + (arguments == 1 ? "function" : "lossFunction") + " = \"…\" naming a @Differentiable static " + signature
          + " of the declaration"));
    }
    FunctionSpec f = spec.functions().get(name);
    List<String> overloads = spec.functions().values().stream()
        .filter(g -> g.name().equals(name)).map(FunctionSpec::key).distinct().toList();
    if (f == null && !overloads.isEmpty()) {
      return List.of(Problem.error("custom-function", where, "none of " + overloads + " is a static method taking "
          + arguments + " double argument" + (arguments == 1 ? "" : "s") + "; declare @Differentiable static " + signature));
    }
    if (f == null) {
      return List.of(Problem.error("custom-function", where, "there is no @Differentiable method '" + name
          + "' in this declaration; declare @Differentiable static " + signature + " { … }"));
    }
    if (!f.isStatic() || !f.takesScalars(arguments)) {
      return List.of(Problem.error("custom-function", where, "'" + name + "' must be a static method taking "
          + arguments + " double argument" + (arguments == 1 ? "" : "s") + ": @Differentiable static " + signature));
    }
    return List.of();
  }
}
