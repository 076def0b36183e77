package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.Model;
import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import java.util.Objects;

/**
 * Measures of a model on a data set: mean loss, classification accuracy and ROC AUC. See also
 * {@link ConfusionMatrix} (precision, recall, F1) and {@link RegressionMetrics} (R², RMSE, MAE).
 */
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

  /**
   * The area under the ROC curve of a binary problem: the probability that a random positive sample
   * scores above a random negative one, ties counting one half (the Mann–Whitney U statistic over
   * n₊·n₋ pairs, computed from the ranks of the scores in O(n log n)).
   *
   * @param scores a score per sample, higher meaning more likely positive
   * @param positive whether each sample is positive
   * @return the area under the ROC curve, in [0, 1]
   * @throws IllegalArgumentException if the lengths differ or one of the two classes is absent
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(positive, "positive");
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " values, positive has " + positive.length);
    }
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRanks = 0;
    long positives = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && scores[order[j]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0; // the mean of the 1-based ranks i+1..j shared by a tie
      for (int k = i; k < j; k++) {
        if (positive[order[k]]) {
          positiveRanks += rank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException(
          "ROC AUC needs both classes, but there are " + positives + " positive and " + negatives + " negative samples");
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * The ROC AUC of a binary classifier on {@code data}: the score is the single output (a sigmoid
   * probability) or, with two outputs, the second (the probability of class 1); the true class is
   * {@link DataSet#labels()}.
   *
   * @param model the binary classifier
   * @param data the samples, with class targets
   * @return the area under the ROC curve, in [0, 1]
   * @throws IllegalArgumentException if the model has more than two outputs, or the data lacks one
   *     of the two classes
   */
  public static double rocAuc(Model model, DataSet data) {
    if (model.outputCount() > 2) {
      throw new IllegalArgumentException(
          "ROC AUC is for binary problems; the model has " + model.outputCount() + " outputs");
    }
    double[][] outputs = Predictions.predict(model, data);
    int[] labels = data.labels();
    double[] scores = new double[outputs.length];
    boolean[] positive = new boolean[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      scores[i] = outputs[i][outputs[i].length - 1];
      positive[i] = labels[i] == 1;
    }
    return rocAuc(scores, positive);
  }
}
