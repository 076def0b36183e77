package io.gradgen.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The class labels of a classification problem and their indices: label {@code names().get(i)} is
 * class i, output i of the model. Fitted from a column, saved in weight files, and used to turn a
 * predicted class index back into its name. Immutable.
 */
public final class LabelVocabulary {
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  private LabelVocabulary(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < this.names.size(); i++) {
      if (index.put(this.names.get(i), i) != null) {
        throw new IllegalArgumentException("the label '" + this.names.get(i) + "' appears twice");
      }
    }
    if (this.names.isEmpty()) {
      throw new IllegalArgumentException("a label vocabulary needs at least one label");
    }
  }

  /**
   * The vocabulary of exactly these labels, class i being {@code names.get(i)}.
   *
   * @param names the labels, class 0 first
   * @return the vocabulary of exactly these labels
   * @throws IllegalArgumentException if {@code names} is empty or holds a label twice
   */
  public static LabelVocabulary of(List<String> names) {
    Objects.requireNonNull(names, "names");
    return new LabelVocabulary(names);
  }

  /**
   * The distinct values of {@code column}, missing ones left out: texts sorted alphabetically
   * (by {@link String#compareTo}), numbers sorted numerically (written as {@link Table.Column#text}
   * writes them).
   *
   * @param column the column of class labels
   * @return the vocabulary of the column's distinct values, sorted
   * @throws IllegalArgumentException if the column has no value that is not missing
   */
  public static LabelVocabulary fit(Table.Column column) {
    Objects.requireNonNull(column, "column");
    List<String> names = new ArrayList<>();
    if (column.isText()) {
      for (String level : column.levels()) {
        names.add(level);
      }
      names.sort(null);
    } else {
      double[] values = new double[column.size()];
      int n = 0;
      java.util.Set<Double> seen = new java.util.HashSet<>();
      for (int r = 0; r < values.length; r++) {
        if (!column.isMissing(r) && seen.add(column.number(r))) {
          values[n++] = column.number(r);
        }
      }
      double[] distinct = java.util.Arrays.copyOf(values, n);
      java.util.Arrays.sort(distinct);
      for (double v : distinct) {
        names.add(Table.format(v));
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("column '" + column.name() + "' has no value to take labels from");
    }
    return new LabelVocabulary(names);
  }

  /**
   * The number of classes.
   *
   * @return the number of classes
   */
  public int size() {
    return names.size();
  }

  /**
   * The labels, class 0 first.
   *
   * @return the labels, class 0 first (unmodifiable)
   */
  public List<String> names() {
    return names;
  }

  /**
   * The label of class {@code index}.
   *
   * @param index the class
   * @return the label of class {@code index}
   * @throws IndexOutOfBoundsException if there is no class {@code index}
   */
  public String name(int index) {
    return names.get(Objects.checkIndex(index, names.size()));
  }

  /**
   * The class of {@code label}, or −1 when it is not in the vocabulary.
   *
   * @param label the label
   * @return the class of {@code label}, or −1 when it is not in the vocabulary
   */
  public int indexOf(String label) {
    Integer i = index.get(label);
    return i == null ? -1 : i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelVocabulary other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "LabelVocabulary" + names;
  }
}
