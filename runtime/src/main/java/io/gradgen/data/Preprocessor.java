package io.gradgen.data;

import java.util.Objects;

/**
 * A transformation of feature rows fitted on the training split only and then applied, identically,
 * to training, validation, test and prediction inputs (docs/SEEDS.md §5). Weight files save it next to
 * the model's parameters.
 *
 * <p>Implementations are immutable. {@link #kind()} and {@link #state()} describe one completely,
 * and {@link #restore} rebuilds it from them.
 */
public sealed interface Preprocessor permits Standardizer, MinMaxNormalizer, Whitening {
  /**
   * The number of features it reads and writes.
   *
   * @return the number of features it reads and writes
   */
  int featureCount();

  /**
   * Transforms one row: {@code out} receives the transformed {@code x}. Allocates nothing.
   *
   * @param x a sample's features
   * @param out receives the result, of the same length
   * @throws IllegalArgumentException if an array's length is not {@link #featureCount()}, or
   *     {@code out} is {@code x}
   */
  void transform(double[] x, double[] out);

  /**
   * Undoes {@link #transform}: {@code out} receives the original row of {@code z}. Allocates
   * nothing.
   *
   * @param z a transformed sample
   * @param out receives the result, of the same length
   */
  void inverse(double[] z, double[] out);

  /**
   * A stable name of the kind of transformation, stored in weight files.
   *
   * @return a stable name of the kind of transformation, stored in weight files
   */
  String kind();

  /**
   * The fitted numbers, as the arrays {@link #restore} reads back (copies).
   *
   * @return the fitted numbers, as the arrays {@link #restore} reads back (copies)
   */
  double[][] state();

  /**
   * The transformed copy of {@code x}.
   *
   * @param x a sample's features
   * @return the transformed copy of {@code x}
   */
  default double[] transform(double[] x) {
    double[] out = new double[featureCount()];
    transform(x, out);
    return out;
  }

  /**
   * {@code data} with every feature row transformed; targets unchanged.
   *
   * @param data the data set
   * @return {@code data} with every feature row transformed; targets unchanged
   */
  default DataSet transform(DataSet data) {
    double[][] rows = new double[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = transform(data.features(i));
    }
    return data.withFeatures(rows);
  }

  /**
   * {@code data} with every <em>target</em> row transformed (a preprocessor fitted on targets, such
   * as {@link Standardizer#fitTargets}); features unchanged.
   *
   * @param data the data set
   * @return a data set of the same features and the transformed targets
   */
  default DataSet transformTargets(DataSet data) {
    double[][] rows = new double[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = transform(data.targets(i));
    }
    return data.withTargets(rows);
  }

  /**
   * Every row of {@code rows} through {@link #inverse}: predictions back in the original units.
   *
   * @param rows the transformed rows, such as a model's predictions
   * @return new rows, each mapped back to the original units
   */
  default double[][] inverse(double[][] rows) {
    double[][] out = new double[rows.length][featureCount()];
    for (int i = 0; i < rows.length; i++) {
      inverse(rows[i], out[i]);
    }
    return out;
  }

  /**
   * The preprocessor of {@code kind} with the fitted numbers {@code state}.
   *
   * @param kind the preprocessor's kind, as saved
   * @param state the preprocessor's saved state
   * @return the preprocessor of {@code kind} with the fitted numbers {@code state}
   * @throws IllegalArgumentException for an unknown kind or state arrays of the wrong shape
   */
  static Preprocessor restore(String kind, double[][] state) {
    switch (kind) {
      case Standardizer.KIND:
        return Standardizer.restore(state);
      case MinMaxNormalizer.KIND:
        return MinMaxNormalizer.restore(state);
      case Whitening.PCA_KIND:
      case Whitening.ZCA_KIND:
        return Whitening.restore(kind, state);
      default:
        throw new IllegalArgumentException(
            "unknown preprocessing '" + kind + "'; known: " + Standardizer.KIND + ", "
                + MinMaxNormalizer.KIND + ", " + Whitening.PCA_KIND + ", " + Whitening.ZCA_KIND);
    }
  }

  /**
   * Checks the lengths of a row and its output, and that they are different arrays.
   *
   * @param features the number of features
   * @param x a sample's features
   * @param out receives the result, of the same length
   */
  static void checkRow(int features, double[] x, double[] out) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(out, "out");
    if (x.length != features) {
      throw new IllegalArgumentException("x has " + x.length + " features, expected " + features);
    }
    if (out.length != features) {
      throw new IllegalArgumentException("out has " + out.length + " elements, expected " + features);
    }
    if (x == out) {
      throw new IllegalArgumentException("out must be another array than x");
    }
  }

  /**
   * Checks that {@code state} has {@code arrays} arrays of one length, and returns that length.
   *
   * @param kind the preprocessor's kind, as saved
   * @param state the preprocessor's saved state
   * @param arrays the number of arrays {@code state} must have
   * @return that length
   */
  static int checkState(String kind, double[][] state, int arrays) {
    if (state.length != arrays) {
      throw new IllegalArgumentException(
          kind + " needs " + arrays + " arrays of fitted numbers, got " + state.length);
    }
    int n = state[0].length;
    for (double[] a : state) {
      if (a.length != n || n == 0) {
        throw new IllegalArgumentException(kind + " state arrays must have one non-zero length");
      }
    }
    return n;
  }
}
