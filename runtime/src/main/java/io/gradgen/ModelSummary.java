package io.gradgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table of a network's layers, as Keras's {@code model.summary()} prints it: per layer its name,
 * units, activation, bias and parameter count, then the totals.
 *
 * <pre>
 * IrisNetModel: 4 inputs → 3 outputs, loss CATEGORICAL_CROSS_ENTROPY
 * layer     units  activation  bias        parameters
 * ─────────────────────────────────────────────────────
 * input         4
 * hidden        8  TANH        PER_NEURON          40
 * output        3  SOFTMAX     PER_NEURON          27
 * ─────────────────────────────────────────────────────
 * total parameters: 67 (56 weights, 11 biases)
 * </pre>
 */
public final class ModelSummary {
  private final String name;
  private final NetworkLayout layout;

  private ModelSummary(String name, NetworkLayout layout) {
    this.name = name;
    this.layout = layout;
  }

  /**
   * The summary of {@code layout}, headed by {@code name}.
   *
   * @param name the heading, usually the model's class name
   * @param layout the network's architecture
   * @return the summary of {@code layout}, headed by {@code name}
   */
  public static ModelSummary of(String name, NetworkLayout layout) {
    return new ModelSummary(Objects.requireNonNull(name, "name"), Objects.requireNonNull(layout, "layout"));
  }

  /**
   * The summary of {@code model}, headed by its class's simple name.
   *
   * @param model the model
   * @return the summary of {@code model}'s layout, headed by its class's simple name
   */
  public static ModelSummary of(Model model) {
    return of(model.getClass().getSimpleName(), model.layout());
  }

  /**
   * The number of weights (parameters that are not biases).
   *
   * @return the number of weights (parameters that are not biases)
   */
  public int weights() {
    int w = 0;
    for (DenseLayout layer : layout.layers()) {
      w += layer.inputs() * layer.units();
    }
    return w;
  }

  /**
   * The number of biases.
   *
   * @return the number of biases
   */
  public int biases() {
    return layout.parameterCount() - weights();
  }

  /** The table, one line per layer, ending with a line break. */
  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"input", Integer.toString(layout.inputs()), "", "", ""});
    for (int i = 0; i < layout.layers().size(); i++) {
      DenseLayout layer = layout.layers().get(i);
      String activation = layer.activation().toString();
      if (!layout.function(i).isEmpty()) {
        activation += "(" + layout.function(i) + ")";
      }
      rows.add(new String[] {
        layer.name(), Integer.toString(layer.units()), activation, layer.bias().toString(),
        Integer.toString(layer.parameterCount())
      });
    }
    String[] header = {"layer", "units", "activation", "bias", "parameters"};
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] row : rows) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    String format =
        "%-" + width[0] + "s  %" + width[1] + "s  %-" + width[2] + "s  %-" + width[3] + "s  %" + width[4] + "s";
    String line = "─".repeat(width[0] + width[1] + width[2] + width[3] + width[4] + 8);
    String loss = layout.loss() + (layout.lossFunction().isEmpty() ? "" : "(" + layout.lossFunction() + ")");
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(": ").append(layout.inputs()).append(" inputs → ").append(layout.outputs())
        .append(" outputs, loss ").append(loss).append('\n');
    sb.append(String.format(Locale.ROOT, format, (Object[]) header).stripTrailing()).append('\n');
    sb.append(line).append('\n');
    for (String[] row : rows) {
      sb.append(String.format(Locale.ROOT, format, (Object[]) row).stripTrailing()).append('\n');
    }
    sb.append(line).append('\n');
    sb.append(String.format(Locale.ROOT, "total parameters: %,d (%,d weights, %,d biases)%n",
        layout.parameterCount(), weights(), biases()));
    return sb.toString();
  }
}
