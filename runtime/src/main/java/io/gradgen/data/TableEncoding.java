package io.gradgen.data;

import java.util.List;
import java.util.Optional;

/**
 * A fitted {@link TableEncoder}: which columns are the features, how missing values are filled,
 * and for a class target its {@link LabelVocabulary}. Turns tables with those columns into data
 * sets. Immutable.
 */
public final class TableEncoding {
  private final List<String> features;
  private final String target;
  private final LabelVocabulary labels;
  private final MissingValues missing;
  private final double[] fills;

  TableEncoding(List<String> features, String target, LabelVocabulary labels, MissingValues missing, double[] fills) {
    this.features = List.copyOf(features);
    this.target = target;
    this.labels = labels;
    this.missing = missing;
    this.fills = fills;
  }

  /**
   * The feature columns, in the order of the data set's features.
   *
   * @return the feature columns' names, in the order of the data set's features
   */
  public List<String> features() {
    return features;
  }

  /**
   * The target column, if there is one.
   *
   * @return the target column's name, or empty without a target
   */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /**
   * The class labels when the target is a class, empty for a numeric target or none.
   *
   * @return the class labels when the target is a class, empty for a numeric target or none
   */
  public Optional<LabelVocabulary> labels() {
    return Optional.ofNullable(labels);
  }

  /**
   * The value that fills a missing value of feature {@code f}; NaN under {@link
   * MissingValues#ERROR}.
   *
   * @param f the feature's 0-based position in {@link #features()}
   * @return the value that fills a missing value of feature {@code f}
   */
  public double fill(int f) {
    return fills[f];
  }

  /**
   * The data set of {@code table}'s rows: the feature columns in order, missing values filled, and
   * the target one-hot over the labels (classes) or as it is (numbers).
   *
   * @throws IllegalArgumentException naming the file, the line and the column for a missing value
   *     under {@link MissingValues#ERROR}, a missing target, a label not in the vocabulary, or a
   *     feature column that holds text in this table
   *
   * @param table rows with the encoding's columns, such as the training or the test part
   * @return the rows' features and targets, one sample per row
   */
  public DataSet encode(Table table) {
    int n = table.rowCount();
    if (missing == MissingValues.ERROR) {
      refuseMissing(table);
    }
    double[][] x = new double[n][features.size()];
    for (int f = 0; f < features.size(); f++) {
      Table.Column column = table.column(features.get(f));
      int position = table.indexOf(column.name()) + 1;
      if (column.isText()) {
        throw new IllegalArgumentException(
            table.source() + ", column " + position + " ('" + column.name() + "') holds text, not numbers");
      }
      for (int r = 0; r < n; r++) {
        double v = column.number(r);
        if (Double.isNaN(v)) {
          if (missing == MissingValues.ERROR) {
            throw new IllegalArgumentException(
                where(table, r, position, column.name()) + "missing value; fill missing values with"
                    + " missing(MissingValues.MEAN) or MOST_FREQUENT, or remove the row");
          }
          v = fills[f];
        }
        x[r][f] = v;
      }
    }
    return DataSet.of(x, targets(table, n));
  }

  /** Fails on the first missing feature value in file order (row by row), if any. */
  private void refuseMissing(Table table) {
    Table.Column[] columns = new Table.Column[features.size()];
    boolean any = false;
    for (int f = 0; f < columns.length; f++) {
      columns[f] = table.column(features.get(f));
      any |= columns[f].missingCount() > 0;
    }
    for (int r = 0; any && r < table.rowCount(); r++) {
      for (Table.Column column : columns) {
        if (column.isMissing(r)) {
          throw new IllegalArgumentException(
              where(table, r, table.indexOf(column.name()) + 1, column.name()) + "missing value; fill missing"
                  + " values with missing(MissingValues.MEAN) or MOST_FREQUENT, or remove the row");
        }
      }
    }
  }

  private double[][] targets(Table table, int n) {
    if (target == null) {
      return new double[n][0];
    }
    Table.Column column = table.column(target);
    int position = table.indexOf(target) + 1;
    double[][] t = new double[n][];
    for (int r = 0; r < n; r++) {
      if (column.isMissing(r)) {
        throw new IllegalArgumentException(
            where(table, r, position, target) + "the target is missing; remove the row");
      }
      if (labels == null) {
        t[r] = new double[] {column.number(r)};
      } else {
        String label = column.text(r);
        int c = labels.indexOf(label);
        if (c < 0) {
          throw new IllegalArgumentException(
              where(table, r, position, target) + "the label '" + label + "' is not one of " + labels.names());
        }
        t[r] = new double[labels.size()];
        t[r][c] = 1;
      }
    }
    return t;
  }

  private static String where(Table table, int row, int position, String name) {
    return table.source() + ":" + table.line(row) + ", column " + position + " ('" + name + "'): ";
  }

  @Override
  public String toString() {
    return "TableEncoding[features " + features + ", target " + target
        + (labels == null ? "" : ", labels " + labels.names()) + ", missing " + missing + "]";
  }
}
