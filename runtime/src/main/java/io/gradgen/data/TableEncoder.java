package io.gradgen.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses a table's feature and target columns by name and how missing values are treated; {@link
 * #fit} learns what the rows need (the label vocabulary of a class target, the fill values) and
 * gives a {@link TableEncoding} that turns tables into {@link DataSet}s.
 *
 * <pre>{@code
 * TableEncoding encoding = TableEncoder.builder()
 *     .target("species").ignore("id", "note").missing(MissingValues.MEAN)
 *     .build().fit(train);                       // fill values from the training rows only
 * DataSet data = encoding.encode(train);        // one-hot targets, classes in encoding.labels()
 * }</pre>
 *
 * <p>The features are the named ones, or by default every column but the target and the ignored
 * ones. A text column among the features is an error that names it. A text target (or any target
 * with {@link Builder#classification()}) is a class label: the data set's targets are one-hot rows
 * over the vocabulary; a numeric target stays one number (regression).
 */
public final class TableEncoder {
  private final String target;
  private final List<String> features;
  private final Set<String> ignored;
  private final MissingValues missing;
  private final Boolean classification;

  private TableEncoder(Builder b) {
    this.target = b.target;
    this.features = List.copyOf(b.features);
    this.ignored = Set.copyOf(b.ignored);
    this.missing = b.missing;
    this.classification = b.classification;
  }

  /**
   * A builder: no target, every column a feature, missing values refused.
   *
   * @return a builder: no target, every column a feature, missing values refused
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits the encoding on {@code table}: the feature columns, the fill values and, for a class
   * target, the labels found in it.
   *
   * @param table the rows to fit on, usually the training part only
   * @return the fitted encoding
   * @throws IllegalArgumentException if a named column is not in the table, a feature column holds
   *     text, the target is also listed as a feature, no feature column is left, a regression target
   *     holds text, or a column to fill has no value at all
   */
  public TableEncoding fit(Table table) {
    return fit(table, null);
  }

  /**
   * As {@link #fit(Table)}, but with the class labels given (for instance fitted on the whole file
   * with {@link LabelVocabulary#fit}, while the fill values come from the training rows only).
   *
   * @param table the rows to fit on, usually the training part only
   * @param labels the class labels of a class target, or null to fit them on {@code table}
   * @return the fitted encoding
   * @throws IllegalArgumentException as {@link #fit(Table)}
   */
  public TableEncoding fit(Table table, LabelVocabulary labels) {
    Objects.requireNonNull(table, "table");
    for (String name : ignored) {
      table.column(name);
    }
    Table.Column targetColumn = target == null ? null : table.column(target);
    List<String> chosen = new ArrayList<>();
    if (features.isEmpty()) {
      for (String name : table.names()) {
        if (!name.equals(target) && !ignored.contains(name)) {
          chosen.add(name);
        }
      }
    } else {
      for (String name : features) {
        table.column(name);
        if (name.equals(target)) {
          throw new IllegalArgumentException("'" + name + "' is the target; it cannot be a feature too");
        }
        chosen.add(name);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "no feature column is left in " + table.source() + " (columns " + String.join(", ", table.names()) + ")");
    }
    double[] fills = new double[chosen.size()];
    for (int f = 0; f < chosen.size(); f++) {
      Table.Column column = table.column(chosen.get(f));
      if (column.isText()) {
        int row = firstText(column);
        throw new IllegalArgumentException(
            table.source() + ":" + table.line(row) + ", column '" + column.name() + "' holds text ('"
                + column.text(row) + "'), not numbers; drop it from the features (ignore(\"" + column.name()
                + "\")) or make it the target");
      }
      fills[f] = fill(column);
    }
    LabelVocabulary vocabulary = null;
    if (targetColumn != null) {
      boolean classes = classification != null ? classification : targetColumn.isText();
      if (classes) {
        vocabulary = labels != null ? labels : LabelVocabulary.fit(targetColumn);
      } else if (targetColumn.isText()) {
        int row = firstText(targetColumn);
        throw new IllegalArgumentException(
            table.source() + ":" + table.line(row) + ", column '" + target + "' holds text ('"
                + targetColumn.text(row) + "'), so it cannot be a regression target");
      }
    }
    return new TableEncoding(chosen, target, vocabulary, missing, fills);
  }

  private static int firstText(Table.Column column) {
    for (int r = 0; r < column.size(); r++) {
      if (!column.isMissing(r)) {
        return r;
      }
    }
    return 0;
  }

  private double fill(Table.Column column) {
    return switch (missing) {
      case ERROR -> Double.NaN;
      case MEAN -> mean(column);
      case MOST_FREQUENT -> mostFrequent(column);
    };
  }

  private static double mean(Table.Column column) {
    double sum = 0;
    int n = 0;
    for (int r = 0; r < column.size(); r++) {
      if (!column.isMissing(r)) {
        sum += column.number(r);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("column '" + column.name() + "' has no value to fill its missing ones from");
    }
    return sum / n;
  }

  private static double mostFrequent(Table.Column column) {
    double[] values = new double[column.size() - column.missingCount()];
    for (int r = 0, i = 0; r < column.size(); r++) {
      if (!column.isMissing(r)) {
        values[i++] = column.number(r);
      }
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("column '" + column.name() + "' has no value to fill its missing ones from");
    }
    java.util.Arrays.sort(values);
    double best = values[0];
    int bestCount = 0;
    for (int i = 0; i < values.length; ) {
      int j = i;
      while (j < values.length && values[j] == values[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = values[i];
      }
      i = j;
    }
    return best;
  }

  /** Configures a {@link TableEncoder}. */
  public static final class Builder {
    private String target;
    private final List<String> features = new ArrayList<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private MissingValues missing = MissingValues.ERROR;
    private Boolean classification;

    private Builder() {}

    /**
     * The target column; without one the data sets have no targets (features only).
     *
     * @param column the target column's name
     * @return this builder
     */
    public Builder target(String column) {
      this.target = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * The feature columns, in this order; by default every column but the target and the ignored.
     *
     * @param columns the feature columns' names, in the order of the data set's features
     * @return this builder
     */
    public Builder features(String... columns) {
      features.clear();
      features.addAll(List.of(columns));
      return this;
    }

    /**
     * Columns to leave out of the default features (an ID, a free-text note).
     *
     * @param columns the names of the columns to leave out
     * @return this builder
     */
    public Builder ignore(String... columns) {
      ignored.addAll(List.of(columns));
      return this;
    }

    /**
     * What to do with missing feature values ({@link MissingValues#ERROR} by default).
     *
     * @param policy what to do with missing feature values
     * @return this builder
     */
    public Builder missing(MissingValues policy) {
      this.missing = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Treats the target as class labels even when they are numbers (0, 1, 2).
     *
     * @return this builder
     */
    public Builder classification() {
      this.classification = true;
      return this;
    }

    /**
     * Treats a numeric target as a number to predict (the default for numbers).
     *
     * @return this builder
     */
    public Builder regression() {
      this.classification = false;
      return this;
    }

    /**
     * The encoder.
     *
     * @return the encoder
     */
    public TableEncoder build() {
      return new TableEncoder(this);
    }
  }
}
