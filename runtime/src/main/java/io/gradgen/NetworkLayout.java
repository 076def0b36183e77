package io.gradgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The architecture of a generated model and the layout of its flat parameter array: per layer, the
 * weights row by row ({@code w[unit][input]}), then the biases.
 *
 * <p>Optimizers use it to tell weights from biases, initializers to find each weight's fan-in and
 * fan-out, weight files to check that a file was made for this architecture.
 */
public final class NetworkLayout {
  private final int inputs;
  private final List<DenseLayout> layers;
  private final Loss loss;
  private final String lossFunction;
  private final List<String> functions;
  private final int parameterCount;

  private NetworkLayout(
      int inputs, List<DenseLayout> layers, List<String> functions, Loss loss, String lossFunction) {
    this.inputs = inputs;
    this.layers = List.copyOf(layers);
    this.functions = List.copyOf(functions);
    this.loss = loss;
    this.lossFunction = lossFunction;
    this.parameterCount = layers.isEmpty() ? 0 : layers.get(layers.size() - 1).end();
  }

  /**
   * One dense layer of {@link #of}: its name, units, activation and bias, and for a {@link
   * Activation#CUSTOM} activation the name of its function ("" otherwise).
   */
  public record Layer(String name, int units, Activation activation, Bias bias, String function) {
    /**
     * A layer with a built-in activation.
     *
     * @param name the layer's name
     * @param units the number of neurons
     * @param activation the layer's activation
     * @param bias the shape of the layer's bias
     */
    public Layer(String name, int units, Activation activation, Bias bias) {
      this(name, units, activation, bias, "");
    }
  }

  /**
   * The layout of a network with {@code inputs} inputs and the given layers, output layer last.
   *
   * @param inputs the number of inputs
   * @param loss the network's loss
   * @param layers the layers, from the first hidden layer to the output layer
   * @return the layout of a network with {@code inputs} inputs and the given layers, output layer
   *     last
   * @throws IllegalArgumentException if {@code inputs} or a layer's units is below 1, or there is
   *     no layer
   */
  public static NetworkLayout of(int inputs, Loss loss, List<Layer> layers) {
    return of(inputs, loss, "", layers);
  }

  /**
   * The layout of a network whose loss may be a {@link Loss#CUSTOM} function, named by {@code
   * lossFunction} ("" otherwise).
   *
   * @param inputs the number of inputs
   * @param loss the network's loss
   * @param lossFunction the name of the custom loss function, or empty
   * @param layers the layers, from the first hidden layer to the output layer
   * @return the layout of a network whose loss may be a {@link Loss#CUSTOM} function, named by
   *     {@code lossFunction} ("" otherwise)
   * @throws IllegalArgumentException if there are no inputs or layers, a layer has no units, or
   *     the parameters are more than a Java array holds ({@code Integer.MAX_VALUE − 8})
   */
  public static NetworkLayout of(int inputs, Loss loss, String lossFunction, List<Layer> layers) {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(lossFunction, "lossFunction");
    Objects.requireNonNull(layers, "layers");
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be at least 1, but is " + inputs);
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer");
    }
    List<DenseLayout> dense = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    int fanIn = inputs;
    int next = 0;
    for (Layer layer : layers) {
      Objects.requireNonNull(layer, "a layer is null");
      if (layer.units() < 1) {
        throw new IllegalArgumentException(
            "layer '" + layer.name() + "' must have at least 1 unit, but has " + layer.units());
      }
      long weights = (long) fanIn * layer.units();
      long biases = layer.bias() == Bias.PER_NEURON ? layer.units() : layer.bias() == Bias.SHARED ? 1 : 0;
      if (next + weights + biases > Integer.MAX_VALUE - 8L) {
        throw new IllegalArgumentException("layer '" + layer.name() + "' takes the parameter count to "
            + (next + weights + biases) + ", more than a Java array holds (" + (Integer.MAX_VALUE - 8L) + ")");
      }
      int firstBias = next + (int) weights;
      DenseLayout d =
          new DenseLayout(layer.name(), fanIn, layer.units(), layer.activation(), layer.bias(), next, firstBias);
      dense.add(d);
      functions.add(layer.function());
      next = d.end();
      fanIn = layer.units();
    }
    return new NetworkLayout(inputs, dense, functions, loss, lossFunction);
  }

  /**
   * The number of inputs of the first layer.
   *
   * @return the number of inputs
   */
  public int inputs() {
    return inputs;
  }

  /**
   * The number of outputs: the units of the output layer.
   *
   * @return the number of outputs
   */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /**
   * The layers, output layer last.
   *
   * @return the layers, output layer last
   */
  public List<DenseLayout> layers() {
    return layers;
  }

  /**
   * The network's loss.
   *
   * @return the loss
   */
  public Loss loss() {
    return loss;
  }

  /**
   * The function of a {@link Loss#CUSTOM} loss, or "".
   *
   * @return the function of a {@link Loss#CUSTOM} loss, or ""
   */
  public String lossFunction() {
    return lossFunction;
  }

  /**
   * The function of layer {@code layer}'s {@link Activation#CUSTOM} activation, or "".
   *
   * @param layer a layer's index, 0 for the first layer
   * @return the function of layer {@code layer}'s {@link Activation#CUSTOM} activation, or ""
   */
  public String function(int layer) {
    return functions.get(Objects.checkIndex(layer, functions.size()));
  }

  /**
   * Length of the flat parameter array.
   *
   * @return length of the flat parameter array
   */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * The layer that owns parameter {@code index}.
   *
   * @param index a flat parameter index, from 0 to {@code parameterCount() − 1}
   * @return the layer that owns parameter {@code index}
   */
  public DenseLayout layerOf(int index) {
    checkIndex(index);
    for (DenseLayout layer : layers) {
      if (index < layer.end()) {
        return layer;
      }
    }
    throw new AssertionError("unreachable: index checked");
  }

  /**
   * True when parameter {@code index} is a bias, false for a weight.
   *
   * @param index a flat parameter index, from 0 to {@code parameterCount() − 1}
   * @return true when parameter {@code index} is a bias, false for a weight
   */
  public boolean isBias(int index) {
    return index >= layerOf(index).firstBias();
  }

  /**
   * The name of parameter {@code index}: {@code layer.w[unit][input]}, {@code layer.b[unit]}, or
   * {@code layer.b} for a shared bias.
   *
   * @param index a flat parameter index, from 0 to {@code parameterCount() − 1}
   * @return the name of parameter {@code index}: {@code layer.w[unit][input]}, {@code
   *     layer.b[unit]}, or {@code layer.b} for a shared bias
   */
  public String parameterName(int index) {
    DenseLayout layer = layerOf(index);
    if (index >= layer.firstBias()) {
      return layer.bias() == Bias.SHARED
          ? layer.name() + ".b"
          : layer.name() + ".b[" + (index - layer.firstBias()) + "]";
    }
    int offset = index - layer.firstWeight();
    return layer.name() + ".w[" + offset / layer.inputs() + "][" + offset % layer.inputs() + "]";
  }

  /**
   * A text that identifies the architecture: equal for two models exactly when their parameter
   * arrays mean the same thing and their losses agree. Weight files store it.
   *
   * @return a text that identifies the architecture: equal for two models exactly when their
   *     parameter arrays mean the same thing and their losses agree
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder("inputs=").append(inputs);
    for (int i = 0; i < layers.size(); i++) {
      DenseLayout layer = layers.get(i);
      sb.append(';')
          .append(layer.name())
          .append(':')
          .append(layer.units())
          .append(',')
          .append(layer.activation());
      if (!functions.get(i).isEmpty()) {
        sb.append('(').append(functions.get(i)).append(')');
      }
      sb.append(',').append(layer.bias());
    }
    sb.append(";loss=").append(loss);
    if (!lossFunction.isEmpty()) {
      sb.append('(').append(lossFunction).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return fingerprint();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkLayout other && fingerprint().equals(other.fingerprint());
  }

  @Override
  public int hashCode() {
    return fingerprint().hashCode();
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= parameterCount) {
      throw new IndexOutOfBoundsException(
          "parameter index " + index + " is outside 0.." + (parameterCount - 1));
    }
  }
}
