package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.Model;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import java.util.Objects;

/** Measures of a model on a data set: mean loss and classification accuracy. */
public final class Metrics {
  private Metrics() {}

  /**
   * The mean of the model's per-sample loss over {@code data}.
   *
   * @param model the model
   * @param data the data set
   * @return the mean of the model's per-sample loss over {@code data}
   */
  public static double meanLoss(DifferentiableModel model, DataSet data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    double sum = 0;
    for (int i = 0; i < data.size(); i++) {
      sum += model.loss(data.features(i), data.targets(i));
    }
    return sum / data.size();
  }

  /**
   * The fraction of samples classified right. With several outputs the predicted class is the
   * largest output and the true class the largest target (one-hot); with one output both are
   * thresholded at 0.5 (a 0/1 class probability).
   *
   * @param model the model
   * @param data the data set
   * @return the fraction of samples classified right
   */
  public static double accuracy(Model model, DataSet data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    double[] y = new double[model.outputCount()];
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      model.predict(data.features(i), y);
      double[] target = data.targets(i);
      boolean right =
          y.length == 1
              ? (y[0] >= 0.5) == (target[0] >= 0.5)
              : OneHot.argmax(y) == OneHot.argmax(target);
      correct += right ? 1 : 0;
    }
    return correct / (double) data.size();
  }
}
