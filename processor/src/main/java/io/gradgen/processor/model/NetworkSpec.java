package io.gradgen.processor.model;

import io.gradgen.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Network} declaration as read from the source: the network itself plus what the
 * processor must know about the annotated type.
 *
 * <p>A spec may be invalid; {@link Validator#validate} says why. Later stages only ever see specs
 * that passed validation.
 *
 * @param packageName the declaration's package ("" for the unnamed package)
 * @param typeNames the declaration's simple name, preceded by those of enclosing types
 * @param type what the declaration and its members look like
 * @param inputs the number of inputs
 * @param layers the layers in order, output layer last
 * @param loss the loss
 */
public record NetworkSpec(
    String packageName,
    List<String> typeNames,
    TypeShape type,
    int inputs,
    List<LayerSpec> layers,
    Loss loss) {

  public NetworkSpec {
    typeNames = List.copyOf(typeNames);
    layers = List.copyOf(layers);
  }

  /** The simple name of the generated class: {@code SeedNet} gives {@code SeedNetModel}. */
  public String modelName() {
    return String.join("_", typeNames) + "Model";
  }

  /** The output layer. */
  public LayerSpec outputLayer() {
    return layers.get(layers.size() - 1);
  }

  public int outputs() {
    return outputLayer().units();
  }

  /** Number of inputs of layer {@code i}: the network's inputs or the previous layer's units. */
  public int fanIn(int i) {
    return i == 0 ? inputs : layers.get(i - 1).units();
  }

  /** Index in the flat parameter array of layer {@code i}'s first weight. */
  public int firstParameter(int i) {
    int offset = 0;
    for (int k = 0; k < i; k++) {
      offset += parameterCount(k);
    }
    return offset;
  }

  /** Weights plus biases of layer {@code i}. */
  public int parameterCount(int i) {
    LayerSpec layer = layers.get(i);
    return (long) fanIn(i) * layer.units() > Integer.MAX_VALUE
        ? Integer.MAX_VALUE
        : fanIn(i) * layer.units() + layer.biasCount();
  }

  /** Length of the flat parameter array. */
  public int parameterCount() {
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += parameterCount(i);
    }
    return (int) Math.min(total, Integer.MAX_VALUE);
  }

  /**
   * The name of every parameter, in layout order: per layer, the weights row by row ({@code
   * layer.w[unit][input]}), then the biases ({@code layer.b[unit]}, or {@code layer.b} when
   * shared).
   */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>(parameterCount());
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      for (int unit = 0; unit < layer.units(); unit++) {
        for (int in = 0; in < fanIn(i); in++) {
          names.add(layer.name() + ".w[" + unit + "][" + in + "]");
        }
      }
      switch (layer.bias()) {
        case PER_NEURON -> {
          for (int unit = 0; unit < layer.units(); unit++) {
            names.add(layer.name() + ".b[" + unit + "]");
          }
        }
        case SHARED -> names.add(layer.name() + ".b");
        case NONE -> {}
      }
    }
    return names;
  }
}
