package io.gradgen.processor.lower;

import io.gradgen.Activation;
import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;

/** The comments straight-line code carries above a layer's equations, the loss and the errors. */
final class NetworkNotes {
  private NetworkNotes() {}

  /** The comment above a layer's first z: its equation. */
  static String layer(NetworkIr ir, int i) {
    NetworkSpec spec = ir.spec();
    LayerSpec layer = spec.layers().get(i);
    String input = i == 0 ? "x" : spec.layers().get(i - 1).name() + "_a";
    String bias = switch (layer.bias()) {
      case PER_NEURON -> " + b";
      case SHARED -> " + b (one bias shared by the layer)";
      case NONE -> "";
    };
    String activation = ir.layers().get(i).activation().map(f -> ", a = " + f.name() + "(z)")
        .orElse(layer.activation() == Activation.SOFTMAX ? ", a = softmax(z)" : "");
    return "layer '" + layer.name() + "' (" + layer.units() + (layer.units() == 1 ? " unit" : " units")
        + "): z = W·" + input + bias + activation;
  }

  /** The loss's formula, as the comment above E says it. */
  static String loss(NetworkSpec spec) {
    return switch (spec.loss()) {
      case HALF_SUM_SQUARED_ERROR -> "E = ½·Σ(t − o)²";
      case MEAN_SQUARED_ERROR -> "E = (1/" + spec.outputs() + ")·Σ(t − o)²";
      case SUM_SQUARED_ERROR -> "E = Σ(t − o)²";
      case BINARY_CROSS_ENTROPY -> "E = −Σ[t·ln o + (1 − t)·ln(1 − o)], as Σ[max(z, 0) − z·t + ln(1 + e^−|z|)]";
      case CATEGORICAL_CROSS_ENTROPY -> "E = −Σ t·ln p, as Σ t·((max z − z) + ln Σ e^(z − max z))";
      case CUSTOM -> "E = Σ " + spec.lossFunction() + "(o, t)";
    };
  }

  /** The comment above output j's error o − t. */
  static String error(NetworkSpec spec, int j) {
    boolean identity = spec.outputLayer().activation() == Activation.IDENTITY;
    String o = spec.outputLayer().name() + (identity ? "_z" : "_a") + j;
    return switch (spec.loss()) {
      case HALF_SUM_SQUARED_ERROR -> "error o − t of output " + j + "; for E = ½·Σ(t − o)² it is also ∂E/∂" + o;
      default -> "error o − t of output " + j;
    };
  }
}
