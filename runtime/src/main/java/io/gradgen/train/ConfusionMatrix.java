package io.gradgen.train;

import io.gradgen.Model;
import io.gradgen.data.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs, and the per-class precision, recall and F1 with
 * their macro and weighted averages. Immutable.
 *
 * <p>For class c: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2·P·R / (P + R), each
 * taken as 0 when its denominator is 0. The macro average is the plain mean over classes; the
 * weighted average weights each class by its support (how many samples truly are of it).
 */
public final class ConfusionMatrix {
  private final long[][] counts;
  private final long total;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
    long sum = 0;
    for (long[] row : counts) {
      for (long c : row) {
        sum += c;
      }
    }
    this.total = sum;
  }

  /**
   * The matrix of {@code actual} against {@code predicted} classes 0..classes−1.
   *
   * @param actual the true class of each sample
   * @param predicted the predicted class of each sample, in the same order
   * @param classes the number of classes, at least 1
   * @return the counts of every (true, predicted) pair
   * @throws IllegalArgumentException if the arrays differ in length or hold a class outside the
   *     range, or {@code classes} is less than 1
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(predicted, "predicted");
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "actual has " + actual.length + " classes, predicted has " + predicted.length);
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, but is " + classes);
    }
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      check("actual", i, actual[i], classes);
      check("predicted", i, predicted[i], classes);
      counts[actual[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts);
  }

  /**
   * The matrix of {@code model} on {@code data}: the predicted class is the largest output (with
   * one output, 1 when it is at least 0.5), the true class as {@link DataSet#labels()}.
   *
   * @param model the classifier
   * @param data the samples, with class targets (one-hot, or 0/1 for one output)
   * @return the counts of every (true, predicted) pair, with at least 2 classes
   */
  public static ConfusionMatrix of(Model model, DataSet data) {
    int classes = Math.max(2, model.outputCount());
    return of(data.labels(), Predictions.classes(model, data), classes);
  }

  private static void check(String what, int i, int c, int classes) {
    if (c < 0 || c >= classes) {
      throw new IllegalArgumentException(what + "[" + i + "] is " + c + ", outside the classes 0.." + (classes - 1));
    }
  }

  /**
   * The number of classes.
   *
   * @return the number of classes
   */
  public int classes() {
    return counts.length;
  }

  /**
   * How many samples of class {@code actual} were predicted as {@code predicted}.
   *
   * @param actual the true class
   * @param predicted the predicted class
   * @return how many samples of class {@code actual} were predicted as {@code predicted}
   */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /**
   * The number of samples.
   *
   * @return the number of samples
   */
  public long total() {
    return total;
  }

  /**
   * How many samples truly are of class {@code c}.
   *
   * @param c the class
   * @return how many samples truly are of class {@code c}
   */
  public long support(int c) {
    long s = 0;
    for (long n : counts[c]) {
      s += n;
    }
    return s;
  }

  private long predictedAs(int c) {
    long s = 0;
    for (long[] row : counts) {
      s += row[c];
    }
    return s;
  }

  /**
   * The fraction of samples on the diagonal.
   *
   * @return the fraction of samples predicted as their true class, 0 without samples
   */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < counts.length; c++) {
      right += counts[c][c];
    }
    return total == 0 ? 0 : right / (double) total;
  }

  /**
   * TP / (TP + FP) of class {@code c}; 0 when nothing was predicted as c.
   *
   * @param c the class
   * @return the precision of class {@code c}, 0 when nothing was predicted as c
   */
  public double precision(int c) {
    long p = predictedAs(c);
    return p == 0 ? 0 : counts[c][c] / (double) p;
  }

  /**
   * TP / (TP + FN) of class {@code c}; 0 when no sample is of class c.
   *
   * @param c the class
   * @return the recall of class {@code c}, 0 when no sample is of class c
   */
  public double recall(int c) {
    long s = support(c);
    return s == 0 ? 0 : counts[c][c] / (double) s;
  }

  /**
   * The harmonic mean of precision and recall of class {@code c}; 0 when both are 0.
   *
   * @param c the class
   * @return the F1 score of class {@code c}, 0 when its precision and recall are both 0
   */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The mean of the classes' precisions.
   *
   * @return the mean of the classes' precisions
   */
  public double macroPrecision() {
    return macro(this::precision);
  }

  /**
   * The mean of the classes' recalls.
   *
   * @return the mean of the classes' recalls
   */
  public double macroRecall() {
    return macro(this::recall);
  }

  /**
   * The mean of the classes' F1 scores.
   *
   * @return the mean of the classes' F1 scores
   */
  public double macroF1() {
    return macro(this::f1);
  }

  /**
   * The support-weighted mean of the classes' precisions.
   *
   * @return the support-weighted mean of the classes' precisions, 0 without samples
   */
  public double weightedPrecision() {
    return weighted(this::precision);
  }

  /**
   * The support-weighted mean of the classes' recalls (equal to the accuracy).
   *
   * @return the support-weighted mean of the classes' recalls, 0 without samples
   */
  public double weightedRecall() {
    return weighted(this::recall);
  }

  /**
   * The support-weighted mean of the classes' F1 scores.
   *
   * @return the support-weighted mean of the classes' F1 scores, 0 without samples
   */
  public double weightedF1() {
    return weighted(this::f1);
  }

  private double macro(java.util.function.IntToDoubleFunction f) {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += f.applyAsDouble(c);
    }
    return sum / counts.length;
  }

  private double weighted(java.util.function.IntToDoubleFunction f) {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += support(c) * f.applyAsDouble(c);
    }
    return total == 0 ? 0 : sum / total;
  }

  /** The matrix and the per-class report with classes named 0, 1, 2, … */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      names.add(Integer.toString(c));
    }
    return format(names);
  }

  /**
   * The matrix (rows: true class, columns: predicted) and the per-class precision, recall, F1 and
   * support, then the accuracy and the macro and weighted averages, with classes named by {@code
   * names}.
   *
   * @param names the name of each class, in class order
   * @return the report, several lines of text, each ended by a line break
   * @throws IllegalArgumentException if there is not one name per class
   */
  public String format(List<String> names) {
    if (names.size() != counts.length) {
      throw new IllegalArgumentException("names has " + names.size() + " entries, there are " + counts.length + " classes");
    }
    int width = 9;
    int first = "true \\ predicted".length();
    for (String n : names) {
      width = Math.max(width, n.length());
      first = Math.max(first, n.length());
    }
    String label = "%-" + first + "s";
    String cell = " %" + width + "s";
    String count = " %" + width + "d";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, label, "true \\ predicted"));
    for (String n : names) {
      sb.append(String.format(Locale.ROOT, cell, n));
    }
    sb.append('\n');
    for (int a = 0; a < counts.length; a++) {
      sb.append(String.format(Locale.ROOT, label, names.get(a)));
      for (int p = 0; p < counts.length; p++) {
        sb.append(String.format(Locale.ROOT, count, counts[a][p]));
      }
      sb.append('\n');
    }
    String row = label + " %9.4f %9.4f %9.4f %9d%n";
    sb.append('\n').append(String.format(Locale.ROOT, label + " %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
    for (int c = 0; c < counts.length; c++) {
      sb.append(String.format(Locale.ROOT, row, names.get(c), precision(c), recall(c), f1(c), support(c)));
    }
    sb.append(String.format(Locale.ROOT, label + " %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy(), total));
    sb.append(String.format(Locale.ROOT, row, "macro", macroPrecision(), macroRecall(), macroF1(), total));
    sb.append(String.format(Locale.ROOT, row, "weighted", weightedPrecision(), weightedRecall(), weightedF1(), total));
    return sb.toString();
  }
}
