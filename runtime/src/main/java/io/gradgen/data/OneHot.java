package io.gradgen.data;

import java.util.Objects;

/** One-hot encoding of class labels: class {@code k} of {@code n} becomes n values, 1 at k, 0 elsewhere. */
public final class OneHot {
  private OneHot() {}

  /**
   * The one-hot row of class {@code label} among {@code classes}.
   *
   * @param label the class, from 0 to {@code classes − 1}
   * @param classes the number of classes
   * @return the one-hot row of class {@code label} among {@code classes}
   * @throws IllegalArgumentException unless {@code 0 <= label < classes}
   */
  public static double[] encode(int label, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, but is " + classes);
    }
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException(
          "class " + label + " is outside 0.." + (classes - 1) + " (" + classes + " classes)");
    }
    double[] row = new double[classes];
    row[label] = 1;
    return row;
  }

  /**
   * {@code data} with its single target column of class indices replaced by one-hot rows.
   *
   * @param data the data set
   * @param classes the number of classes
   * @return {@code data} with its single target column of class indices replaced by one-hot rows
   * @throws IllegalArgumentException if the data set has more than one target column, or a target
   *     is not a class index below {@code classes}
   */
  public static DataSet encode(DataSet data, int classes) {
    Objects.requireNonNull(data, "data");
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, but is " + classes);
    }
    if (data.targetCount() != 1) {
      throw new IllegalArgumentException(
          "one-hot encoding needs 1 target column of class indices, the data set has "
              + data.targetCount());
    }
    int[] labels = data.labels();
    double[][] targets = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= classes) {
        throw new IllegalArgumentException(
            "row " + i + " has class " + labels[i] + ", outside 0.." + (classes - 1));
      }
      targets[i] = encode(labels[i], classes);
    }
    return data.withTargets(targets);
  }

  /**
   * The index of the largest value (the first one on a tie): the predicted class. Allocates
   * nothing.
   *
   * @param values the values
   * @return the index of the largest value (the first one on a tie): the predicted class
   */
  public static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
