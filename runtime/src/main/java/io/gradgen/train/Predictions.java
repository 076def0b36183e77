package io.gradgen.train;

import io.gradgen.Model;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import java.util.Objects;

/** A model's outputs over a whole data set, in one call. */
public final class Predictions {
  private Predictions() {}

  /**
   * The model's outputs for every row of {@code data}: row i holds {@code outputCount()} values.
   * Uses the model's batch {@code predict}, 256 rows at a time.
   *
   * @param model the model
   * @param data the samples; only their features are read
   * @return the model's outputs, one row per sample
   * @throws IllegalArgumentException if the data's feature count is not the model's input count
   */
  public static double[][] predict(Model model, DataSet data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    int in = model.inputCount();
    int out = model.outputCount();
    if (data.featureCount() != in) {
      throw new IllegalArgumentException(
          "the data has " + data.featureCount() + " features, the model expects " + in);
    }
    int chunk = 256;
    double[] xs = new double[chunk * in];
    double[] ys = new double[chunk * out];
    double[][] result = new double[data.size()][out];
    double[] x = new double[in];
    double[] y = new double[out];
    for (int start = 0; start < data.size(); start += chunk) {
      int count = Math.min(chunk, data.size() - start);
      for (int n = 0; n < count; n++) {
        for (int j = 0; j < in; j++) {
          xs[n * in + j] = data.feature(start + n, j);
        }
      }
      if (model instanceof io.gradgen.DifferentiableModel d) {
        d.predict(xs, 0, ys, 0, count);
      } else {
        for (int n = 0; n < count; n++) {
          System.arraycopy(xs, n * in, x, 0, in);
          model.predict(x, y);
          System.arraycopy(y, 0, ys, n * out, out);
        }
      }
      for (int n = 0; n < count; n++) {
        System.arraycopy(ys, n * out, result[start + n], 0, out);
      }
    }
    return result;
  }

  /**
   * The predicted class of every row: the largest output, or with one output 1 when it is at least
   * 0.5 (a class probability) and 0 otherwise.
   *
   * @param model the classifier
   * @param data the samples; only their features are read
   * @return the predicted class of every sample
   * @throws IllegalArgumentException if the data's feature count is not the model's input count
   */
  public static int[] classes(Model model, DataSet data) {
    double[][] outputs = predict(model, data);
    int[] classes = new int[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      classes[i] = outputs[i].length == 1 ? (outputs[i][0] >= 0.5 ? 1 : 0) : OneHot.argmax(outputs[i]);
    }
    return classes;
  }
}
