package io.gradgen.data;

import java.util.Objects;

/** One-hot encoding of class labels: class {@code k} of {@code n} becomes n values, 1 at k, 0 elsewhere. */
public final class OneHot {
  /** The longest array HotSpot allocates: at most this many classes. */
  private static final int MAX_CLASSES = Integer.MAX_VALUE - 8;

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
    if (classes > MAX_CLASSES) {
      throw new IllegalArgumentException("classes is " + classes + ", more than the " + MAX_CLASSES
          + " values a Java array holds");
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
   * @throws IllegalArgumentException if the data set has more than one target column, a target
   *     is not a class index below {@code classes}, or the one-hot rows would not fit in the heap
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
    int largest = -1;
    for (int label : labels) {
      largest = Math.max(largest, label);
    }
    long bytes = (long) labels.length * classes * Double.BYTES;
    if (classes > MAX_CLASSES || bytes > Runtime.getRuntime().maxMemory()) {
      // Checked before anything is allocated: rows × classes doubles must fit in the heap.
      throw new IllegalArgumentException("one-hot encoding " + labels.length + " rows into " + classes
          + " classes takes " + bytes + " bytes, more than the " + Runtime.getRuntime().maxMemory()
          + " this JVM may use; classes is the number of classes (the largest class here is " + largest
          + ", so e.g. " + (largest + 1) + ")");
    }
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
