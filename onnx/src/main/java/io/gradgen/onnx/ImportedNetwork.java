package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense network read from an ONNX graph: what the declaration says and the parameters, in the
 * order of {@link NetworkLayout} (per layer, weights row by row {@code w[unit][input]}, then the
 * biases).
 *
 * @param inputs the number of inputs (the product of the input's non-batch dimensions)
 * @param inputShape the ONNX input's shape without the batch dimension, e.g. [2, 3] before a Flatten
 * @param layers the dense layers, output last
 * @param parameters the trained parameters in layout order
 * @param logSoftmax true when the ONNX output is LogSoftmax: the gradgen model's output layer is
 *     SOFTMAX, so its outputs are the exponentials of the ONNX outputs (the same argmax)
 * @param opset the model's default operator set version
 * @param producer the tool that wrote the ONNX file
 */
public record ImportedNetwork(
    int inputs, long[] inputShape, List<Layer> layers, double[] parameters, boolean logSoftmax, long opset,
    String producer) {
  /**
   * One dense layer.
   *
   * @param name its Java name in the declaration
   * @param units its number of neurons
   * @param activation its activation
   * @param bias its bias shape
   * @param slope the slope of a LEAKY_RELU (0.01 otherwise)
   * @param source the ONNX nodes it was read from, for the declaration's comments
   */
  public record Layer(String name, int units, Activation activation, Bias bias, double slope, String source) {}

  /**
   * The loss a declaration gets when the user names none: categorical cross-entropy for a softmax
   * output, binary cross-entropy for sigmoid outputs, the mean squared error otherwise.
   *
   * @return the default loss for this network's output activation
   */
  public Loss defaultLoss() {
    Activation out = layers.get(layers.size() - 1).activation();
    return switch (out) {
      case SOFTMAX -> Loss.CATEGORICAL_CROSS_ENTROPY;
      case SIGMOID -> Loss.BINARY_CROSS_ENTROPY;
      default -> Loss.MEAN_SQUARED_ERROR;
    };
  }

  /**
   * The layout of the declared model with {@code loss}: what its weight file is saved for.
   *
   * @param loss the declaration's loss
   * @return the layout the generated model will have
   */
  public NetworkLayout layout(Loss loss) {
    List<NetworkLayout.Layer> list = new ArrayList<>();
    for (Layer l : layers) {
      list.add(new NetworkLayout.Layer(l.name(), l.units(), l.activation(), l.bias()));
    }
    return NetworkLayout.of(inputs, loss, list);
  }
}
