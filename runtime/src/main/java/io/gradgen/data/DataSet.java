package io.gradgen.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, in-memory data set: one row of features and one row of targets per sample.
 *
 * <p>Every feature row has {@link #featureCount()} values and every target row {@link
 * #targetCount()}. Rows are copied in and out, so nothing outside can change a data set.
 */
public final class DataSet {
  private final double[][] features;
  private final double[][] targets;

  private DataSet(double[][] features, double[][] targets) {
    this.features = features;
    this.targets = targets;
  }

  /**
   * A data set holding copies of {@code features} and {@code targets}.
   *
   * @param features the feature rows, one per sample
   * @param targets the target rows, one per sample
   * @return a data set holding copies of {@code features} and {@code targets}
   * @throws IllegalArgumentException if the two have different numbers of rows, there is no row, a
   *     row has a different length from the first row of its kind, or a value is not finite
   */
  public static DataSet of(double[][] features, double[][] targets) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(targets, "targets");
    if (features.length != targets.length) {
      throw new IllegalArgumentException(
          "features has " + features.length + " rows but targets has " + targets.length);
    }
    if (features.length == 0) {
      throw new IllegalArgumentException("a data set needs at least one row");
    }
    return new DataSet(copy("features", features), copy("targets", targets));
  }

  private static double[][] copy(String what, double[][] rows) {
    Objects.requireNonNull(rows, what);
    for (int i = 0; i < rows.length; i++) {
      int index = i;
      Objects.requireNonNull(rows[i], () -> what + " row " + index + " is null");
    }
    int width = rows[0].length;
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            what + " row " + i + " has " + rows[i].length + " values, row 0 has " + width);
      }
      for (int j = 0; j < width; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw new IllegalArgumentException(
              what + " row " + i + ", column " + j + " is " + rows[i][j] + ", not a finite number");
        }
      }
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /**
   * The number of samples.
   *
   * @return the number of samples
   */
  public int size() {
    return features.length;
  }

  /**
   * The number of features per sample.
   *
   * @return the number of features per sample
   */
  public int featureCount() {
    return features[0].length;
  }

  /**
   * The number of targets per sample.
   *
   * @return the number of targets per sample
   */
  public int targetCount() {
    return targets[0].length;
  }

  /**
   * A copy of sample {@code i}'s features.
   *
   * @param i a sample's index
   * @return a copy of sample {@code i}'s features
   */
  public double[] features(int i) {
    return features[row(i)].clone();
  }

  /**
   * A copy of sample {@code i}'s targets.
   *
   * @param i a sample's index
   * @return a copy of sample {@code i}'s targets
   */
  public double[] targets(int i) {
    return targets[row(i)].clone();
  }

  /**
   * A copy of every feature row.
   *
   * @return a copy of every feature row
   */
  public double[][] features() {
    return deepCopy(features);
  }

  /**
   * A copy of every target row.
   *
   * @return a copy of every target row
   */
  public double[][] targets() {
    return deepCopy(targets);
  }

  /**
   * Feature {@code column} of sample {@code row}.
   *
   * @param row a sample's index
   * @param column a column's index
   * @return feature {@code column} of sample {@code row}
   */
  public double feature(int row, int column) {
    return features[row(row)][column(column, featureCount(), "feature")];
  }

  /**
   * Target {@code column} of sample {@code row}.
   *
   * @param row a sample's index
   * @param column a column's index
   * @return target {@code column} of sample {@code row}
   */
  public double target(int row, int column) {
    return targets[row(row)][column(column, targetCount(), "target")];
  }

  /**
   * The class of each sample: the target itself (rounded) when there is one target column, else
   * the index of the largest target (the class of a one-hot row).
   *
   * @return the class of each sample: the target itself (rounded) when there is one target column,
   *     else the index of the largest target (the class of a one-hot row)
   * @throws IllegalArgumentException if a single target is negative or not a whole number
   */
  public int[] labels() {
    int[] labels = new int[size()];
    for (int i = 0; i < labels.length; i++) {
      if (targetCount() == 1) {
        double t = targets[i][0];
        if (t < 0 || t != Math.rint(t)) {
          throw new IllegalArgumentException(
              "row " + i + " has target " + t + ", not a class index (0, 1, 2, …)");
        }
        labels[i] = (int) t;
      } else {
        labels[i] = OneHot.argmax(targets[i]);
      }
    }
    return labels;
  }

  /**
   * The samples at {@code indices}, in that order (an index may repeat).
   *
   * @param indices the indices of the samples to take
   * @return the samples at {@code indices}, in that order (an index may repeat)
   */
  public DataSet select(int[] indices) {
    Objects.requireNonNull(indices, "indices");
    for (int index : indices) {
      row(index);
    }
    if (indices.length == 0) {
      throw new IllegalArgumentException("a data set needs at least one row; no index given");
    }
    double[][] f = new double[indices.length][];
    double[][] t = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      f[i] = features[indices[i]].clone();
      t[i] = targets[indices[i]].clone();
    }
    return new DataSet(f, t);
  }

  /**
   * This data set with its feature rows replaced (same number of rows); targets unchanged.
   *
   * @param newFeatures the new feature rows, one per sample
   * @return a new data set with {@code newFeatures} and this one's targets
   */
  public DataSet withFeatures(double[][] newFeatures) {
    Objects.requireNonNull(newFeatures, "newFeatures");
    if (newFeatures.length != size()) {
      throw new IllegalArgumentException(
          "features has " + newFeatures.length + " rows, the data set has " + size());
    }
    return new DataSet(copy("features", newFeatures), targets);
  }

  /**
   * This data set with its target rows replaced (same number of rows); features unchanged.
   *
   * @param newTargets the new target rows, one per sample
   * @return a new data set with this one's features and {@code newTargets}
   */
  public DataSet withTargets(double[][] newTargets) {
    Objects.requireNonNull(newTargets, "newTargets");
    if (newTargets.length != size()) {
      throw new IllegalArgumentException(
          "targets has " + newTargets.length + " rows, the data set has " + size());
    }
    return new DataSet(features, copy("targets", newTargets));
  }

  /** Checks a row index: "row 150 is outside 0..149". */
  private int row(int i) {
    if (i < 0 || i >= features.length) {
      throw new IndexOutOfBoundsException("row " + i + " is outside 0.." + (features.length - 1));
    }
    return i;
  }

  private static int column(int j, int count, String what) {
    if (j < 0 || j >= count) {
      throw new IndexOutOfBoundsException(what + " column " + j + " is outside 0.." + (count - 1));
    }
    return j;
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    return "DataSet[" + size() + " rows, " + featureCount() + " features, " + targetCount()
        + " targets]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataSet other
        && Arrays.deepEquals(features, other.features)
        && Arrays.deepEquals(targets, other.targets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(features) + Arrays.deepHashCode(targets);
  }
}
