package io.gradgen;

/**
 * Where one dense layer's parameters live in a model's flat parameter array, and what the layer
 * computes.
 *
 * @param name the layer's name
 * @param inputs the layer's fan-in: the network's inputs or the previous layer's units
 * @param units the number of neurons
 * @param activation the activation
 * @param bias the bias shape
 * @param firstWeight index of {@code w[0][0]}; weight {@code w[unit][input]} is at {@code
 *     firstWeight + unit·inputs + input}
 * @param firstBias index of the first bias (right after the weights)
 */
public record DenseLayout(
    String name, int inputs, int units, Activation activation, Bias bias, int firstWeight, int firstBias) {

  /**
   * The index of weight {@code w[unit][input]}.
   *
   * @param unit the neuron the weight feeds
   * @param input the input the weight multiplies
   * @return the index of weight {@code w[unit][input]}
   */
  public int weightIndex(int unit, int input) {
    if (unit < 0 || unit >= units) {
      throw new IndexOutOfBoundsException(
          "unit " + unit + " is outside 0.." + (units - 1) + " of layer '" + name + "'");
    }
    if (input < 0 || input >= inputs) {
      throw new IndexOutOfBoundsException(
          "input " + input + " is outside 0.." + (inputs - 1) + " of layer '" + name + "'");
    }
    return firstWeight + unit * inputs + input;
  }

  /**
   * The number of bias parameters: {@code units}, 1 when shared, 0 when none.
   *
   * @return the number of bias parameters: {@code units}, 1 when shared, 0 when none
   */
  public int biasCount() {
    return switch (bias) {
      case PER_NEURON -> units;
      case SHARED -> 1;
      case NONE -> 0;
    };
  }

  /**
   * Weights and biases of this layer.
   *
   * @return weights and biases of this layer
   */
  public int parameterCount() {
    return inputs * units + biasCount();
  }

  /**
   * One past the layer's last parameter.
   *
   * @return one past the layer's last parameter
   */
  public int end() {
    return firstBias + biasCount();
  }
}
