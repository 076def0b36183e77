package io.gradgen.processor.report;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.processor.ir.Activations;

/** LaTeX symbols of the report's notation, one method per kind of quantity. */
final class Tex {
  private Tex() {}

  /** A layer name set upright: {@code \text{hidden}}; underscores escaped. */
  static String layer(String name) {
    return "\\text{" + name.replace("_", "\\_") + "}";
  }

  static String z(String layer, String unit) {
    return "z^{" + layer(layer) + "}_{" + unit + "}";
  }

  static String a(String layer, String unit) {
    return "a^{" + layer(layer) + "}_{" + unit + "}";
  }

  static String delta(String layer, String unit) {
    return "\\delta^{" + layer(layer) + "}_{" + unit + "}";
  }

  static String w(String layer, String unit, String input) {
    return "w^{" + layer(layer) + "}_{" + unit + "," + input + "}";
  }

  /** The bias of {@code unit}, or the layer's one bias when shared. */
  static String b(DenseLayout layer, String unit) {
    return layer.bias() == Bias.SHARED
        ? "b^{" + layer(layer.name()) + "}"
        : "b^{" + layer(layer.name()) + "}_{" + unit + "}";
  }

  static String x(String input) {
    return "x_{" + input + "}";
  }

  static String t(String output) {
    return "t_{" + output + "}";
  }

  static String partial(String of, String by) {
    return "\\frac{\\partial " + of + "}{\\partial " + by + "}";
  }

  /** {@code f(z)} for the activation. */
  static String apply(Activation activation, String function, String z) {
    return switch (activation) {
      case IDENTITY -> z;
      case SOFTMAX -> "\\mathrm{softmax}(z)";
      case CUSTOM -> "\\mathrm{" + function.replace("_", "\\_") + "}(" + z + ")";
      default -> String.format(Activations.text(activation).orElseThrow().tex(), z);
    };
  }

  /** {@code f'(z)} written through the forward output where that is what the code computes. */
  static String derivative(Activation activation, String function, String a, String z) {
    return switch (activation) {
      case IDENTITY -> "1";
      case SOFTMAX -> throw new IllegalArgumentException("softmax has a Jacobian, not a derivative");
      case CUSTOM -> "\\mathrm{" + function.replace("_", "\\_") + "}'(" + z + ")";
      default -> String.format(Activations.text(activation).orElseThrow().derivativeTex(), a, z);
    };
  }

  /** The gate's name, as the generated comments name it. */
  static String gate(Activation activation) {
    return switch (activation) {
      case IDENTITY -> "identity gate";
      case SOFTMAX -> "softmax gate";
      case CUSTOM -> "custom activation, derived from its body";
      default -> Activations.text(activation).orElseThrow().name() + " gate";
    };
  }

  /** The body with the label set under it (LaTeX underbrace). */
  static String brace(String body, String label) {
    return "\\underbrace{" + body + "}_{\\text{" + label + "}}";
  }
}
