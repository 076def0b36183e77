package io.gradgen.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A data set cut into training, validation and test parts, at random with a seed, optionally
 * stratified so that each part has the classes in the proportions of the whole.
 *
 * <p>Part sizes are {@code round(n·trainFraction)} and {@code round(n·validationFraction)}, the
 * test part the rest (per class when stratified). Fit preprocessing on {@link #train()} only.
 *
 * @param train the training part
 * @param validation the validation part; empty when {@code validationFraction} is 0
 * @param test the held-out test part
 */
public record Split(DataSet train, Optional<DataSet> validation, DataSet test) {

  /**
   * A seeded random split.
   *
   * @param data the data set to split
   * @param trainFraction the fraction of the samples for training
   * @param validationFraction the fraction of the samples for validation (the rest is the test
   *     split)
   * @param seed the seed of the random choices
   * @return a seeded random split
   * @throws IllegalArgumentException if the fractions are negative, leave nothing for the test
   *     part, or leave a part without rows
   */
  public static Split random(DataSet data, double trainFraction, double validationFraction, long seed) {
    checkFractions(trainFraction, validationFraction);
    int[] all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    cut(all, trainFraction, validationFraction, random, parts);
    return assemble(data, parts, random, validationFraction);
  }

  /**
   * A seeded split that keeps each class's share in every part; the classes are {@link
   * DataSet#labels()}.
   *
   * @param data the data set to split
   * @param trainFraction the fraction of the samples for training
   * @param validationFraction the fraction of the samples for validation (the rest is the test
   *     split)
   * @param seed the seed of the random choices
   * @return a seeded split that keeps each class's share in every part; the classes are {@link
   *     DataSet#labels()}
   * @throws IllegalArgumentException as {@link #random}, or if the targets are not class labels
   */
  public static Split stratified(
      DataSet data, double trainFraction, double validationFraction, long seed) {
    checkFractions(trainFraction, validationFraction);
    int[] labels = data.labels();
    // One pass groups the rows by label (in label order), whatever the labels' range.
    java.util.TreeMap<Integer, List<Integer>> byLabel = new java.util.TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (List<Integer> rows : byLabel.values()) {
      int[] members = rows.stream().mapToInt(Integer::intValue).toArray();
      cut(members, trainFraction, validationFraction, random, parts);
    }
    return assemble(data, parts, random, validationFraction);
  }

  /**
   * The row indices of a seeded split of {@code labels.length} rows into training, validation and
   * test parts ({@code [0]}, {@code [1]}, {@code [2]}), keeping each label's share in every part
   * when {@code stratify} is true: for splitting a {@link Table} before anything is fitted on it.
   *
   * @param labels the class of each row (0, 1, 2, …); with {@code stratify} false only its length
   *     counts
   * @param stratify whether each part keeps every label's share
   * @param trainFraction the fraction of the rows for training
   * @param validationFraction the fraction of the rows for validation (the rest is the test part)
   * @param seed the seed of the random choices
   * @return three arrays of row indices: the training, validation and test parts, each in a
   *     shuffled order; the validation part is empty when {@code validationFraction} is 0
   * @throws IllegalArgumentException as {@link #random}
   */
  public static int[][] indices(int[] labels, boolean stratify, double trainFraction, double validationFraction, long seed) {
    checkFractions(trainFraction, validationFraction);
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int classes = 1;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    for (int c = 0; c < (stratify ? classes : 1); c++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (!stratify || labels[i] == c) {
          members.add(i);
        }
      }
      cut(members.stream().mapToInt(Integer::intValue).toArray(), trainFraction, validationFraction, random, parts);
    }
    String[] names = {"training", "validation", "test"};
    int[][] indices = new int[3][];
    for (int p = 0; p < 3; p++) {
      indices[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
      shuffle(indices[p], random);
      if (indices[p].length == 0 && p != 1) {
        throw new IllegalArgumentException(
            "the " + names[p] + " part of " + labels.length + " rows would be empty");
      }
    }
    return indices;
  }

  private static void checkFractions(double train, double validation) {
    if (!(train > 0) || !(validation >= 0) || !(train + validation < 1)) {
      throw new IllegalArgumentException(
          "need trainFraction > 0, validationFraction >= 0 and a sum below 1 (the rest is the test"
              + " part), but they are " + train + " and " + validation);
    }
  }

  /** Shuffles {@code indices} and deals them into the three parts. */
  private static void cut(
      int[] indices, double train, double validation, SplittableRandom random, List<List<Integer>> parts) {
    shuffle(indices, random);
    int nTrain = (int) Math.round(indices.length * train);
    int nValidation = (int) Math.round(indices.length * validation);
    for (int i = 0; i < indices.length; i++) {
      int part = i < nTrain ? 0 : i < nTrain + nValidation ? 1 : 2;
      parts.get(part).add(indices[i]);
    }
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = a[i];
      a[i] = a[j];
      a[j] = swap;
    }
  }

  private static Split assemble(
      DataSet data, List<List<Integer>> parts, SplittableRandom random, double validationFraction) {
    String[] names = {"training", "validation", "test"};
    int[][] indices = new int[3][];
    for (int p = 0; p < 3; p++) {
      indices[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
      shuffle(indices[p], random);
      // The validation part is empty only when asked for none.
      if (indices[p].length == 0 && (p != 1 || validationFraction > 0)) {
        throw new IllegalArgumentException(
            "the " + names[p] + " part of " + data.size() + " rows would be empty; use more rows or larger fractions");
      }
    }
    Optional<DataSet> validation =
        indices[1].length == 0 ? Optional.empty() : Optional.of(data.select(indices[1]));
    return new Split(data.select(indices[0]), validation, data.select(indices[2]));
  }
}
