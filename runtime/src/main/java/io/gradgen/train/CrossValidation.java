package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * k-fold cross-validation: the samples are shuffled with a seed and dealt into k folds of nearly
 * equal size (stratified: each class dealt separately, so every fold keeps the class shares); each
 * fold in turn is the test set of a model trained on the other k − 1, from a fresh initialization
 * seeded with {@code seed + fold}. The result holds every fold's metrics, their mean and spread.
 *
 * <pre>{@code
 * CrossValidation.Result cv = CrossValidation.kFold(5, 42).stratified()
 *     .run(data, IrisNetModel::new, Initializer.xavier(), trainer);
 * cv.mean("accuracy"); cv.standardDeviation("accuracy");
 * }</pre>
 */
public final class CrossValidation {
  private final int k;
  private final long seed;
  private final boolean stratified;

  private CrossValidation(int k, long seed, boolean stratified) {
    this.k = k;
    this.seed = seed;
    this.stratified = stratified;
  }

  /**
   * k folds dealt at random with {@code seed}.
   *
   * @param k the number of folds, at least 2
   * @param seed the seed of the shuffle that deals the samples, and of each fold's initialization
   * @return a cross-validation of {@code k} folds, not stratified
   * @throws IllegalArgumentException if k is below 2
   */
  public static CrossValidation kFold(int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k-fold cross-validation needs k >= 2, but k is " + k);
    }
    return new CrossValidation(k, seed, false);
  }

  /**
   * The same, with folds that keep each class's share ({@link DataSet#labels()} are the classes).
   *
   * @return a stratified cross-validation with the same k and seed
   */
  public CrossValidation stratified() {
    return new CrossValidation(k, seed, true);
  }

  /** Trains and evaluates one fold. */
  @FunctionalInterface
  public interface Fold {
    /**
     * Trains a model on {@code train} and returns its metrics on {@code test}, by name.
     *
     * @param fold the fold's number, 0-based
     * @param train the samples of the other k − 1 folds, to train on
     * @param test the samples of this fold, to evaluate on
     * @param seed the seed for this fold's initialization ({@code seed + fold})
     * @return the model's metrics on {@code test}, by name
     */
    Map<String, Double> evaluate(int fold, DataSet train, DataSet test, long seed);
  }

  /**
   * The test indices of each fold: every sample in exactly one fold, fold sizes differing by at most
   * one (per class when stratified).
   *
   * @param data the samples to deal into folds
   * @return k arrays of sample indices, each sorted
   * @throws IllegalArgumentException if there are fewer samples than folds
   */
  public int[][] folds(DataSet data) {
    Objects.requireNonNull(data, "data");
    if (data.size() < k) {
      throw new IllegalArgumentException(k + " folds need at least " + k + " samples, the data has " + data.size());
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    List<int[]> groups = new ArrayList<>();
    if (stratified) {
      int[] labels = data.labels();
      int classes = 0;
      for (int label : labels) {
        classes = Math.max(classes, label + 1);
      }
      for (int c = 0; c < classes; c++) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
          if (labels[i] == c) {
            members.add(i);
          }
        }
        groups.add(members.stream().mapToInt(Integer::intValue).toArray());
      }
    } else {
      int[] all = new int[data.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      groups.add(all);
    }
    int next = 0; // the fold that gets the next sample, continued across classes to balance sizes
    for (int[] group : groups) {
      for (int i = group.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = group[i];
        group[i] = group[j];
        group[j] = swap;
      }
      for (int index : group) {
        folds.get(next).add(index);
        next = (next + 1) % k;
      }
    }
    int[][] result = new int[k][];
    for (int f = 0; f < k; f++) {
      result[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return result;
  }

  /**
   * Runs {@code fold} on each of the k folds and collects the metrics.
   *
   * @param data the samples
   * @param fold what trains and evaluates a model on one fold
   * @return every fold's metrics
   * @throws IllegalArgumentException if there are fewer samples than folds
   */
  public Result run(DataSet data, Fold fold) {
    Objects.requireNonNull(fold, "fold");
    int[][] tests = folds(data);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int f = 0; f < k; f++) {
      boolean[] inTest = new boolean[data.size()];
      for (int i : tests[f]) {
        inTest[i] = true;
      }
      int[] train = new int[data.size() - tests[f].length];
      for (int i = 0, t = 0; i < inTest.length; i++) {
        if (!inTest[i]) {
          train[t++] = i;
        }
      }
      Map<String, Double> metrics = fold.evaluate(f, data.select(train), data.select(tests[f]), seed + f);
      for (Map.Entry<String, Double> m : metrics.entrySet()) {
        values.computeIfAbsent(m.getKey(), key -> new double[k])[f] = m.getValue();
      }
    }
    return new Result(values);
  }

  /**
   * Trains a fresh model from {@code models} on each fold's training part with {@code trainer}
   * (which must not need a validation set), initialized by {@code initializer} with {@code seed +
   * fold}. Classification data (one-hot targets) reports {@code accuracy}, {@code macro_f1} and
   * {@code weighted_f1}; regression data (one numeric target per output) {@code r2}, {@code rmse}
   * and {@code mae}.
   *
   * @param data the samples
   * @param models makes a fresh, untrained model for each fold
   * @param initializer initializes each fold's model with {@code seed + fold}
   * @param trainer trains each fold's model, without a validation set
   * @return every fold's metrics
   * @throws IllegalArgumentException if there are fewer samples than folds
   */
  public Result run(
      DataSet data, Supplier<? extends DifferentiableModel> models, Initializer initializer, Trainer trainer) {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(initializer, "initializer");
    Objects.requireNonNull(trainer, "trainer");
    boolean classification = data.targetCount() > 1;
    return run(data, (fold, train, test, foldSeed) -> {
      DifferentiableModel model = models.get();
      initializer.initialize(model, foldSeed);
      trainer.fit(model, train);
      return classification ? classificationMetrics(model, test) : regressionMetrics(model, test);
    });
  }

  /**
   * accuracy, macro_f1 and weighted_f1 of {@code model} on {@code test}.
   *
   * @param model the classifier
   * @param test the samples to evaluate it on, with class targets
   * @return accuracy, macro_f1 and weighted_f1, in that order
   */
  public static Map<String, Double> classificationMetrics(DifferentiableModel model, DataSet test) {
    ConfusionMatrix m = ConfusionMatrix.of(model, test);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", m.accuracy());
    metrics.put("macro_f1", m.macroF1());
    metrics.put("weighted_f1", m.weightedF1());
    return metrics;
  }

  /**
   * r2, rmse and mae of {@code model} on {@code test}.
   *
   * @param model the regression model
   * @param test the samples to evaluate it on
   * @return r2, rmse and mae, in that order
   */
  public static Map<String, Double> regressionMetrics(DifferentiableModel model, DataSet test) {
    RegressionMetrics r = RegressionMetrics.of(model, test);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("r2", r.r2());
    metrics.put("rmse", r.rmse());
    metrics.put("mae", r.mae());
    return metrics;
  }

  /**
   * Every fold's value of every metric.
   *
   * @param values by metric name, one value per fold
   */
  public record Result(Map<String, double[]> values) {
    /**
     * The metric's value in each fold (a copy).
     *
     * @param metric the metric's name
     * @return the metric's value in each fold, in fold order (a copy)
     * @throws IllegalArgumentException if no fold reported {@code metric}
     */
    public double[] values(String metric) {
      double[] v = values.get(metric);
      if (v == null) {
        throw new IllegalArgumentException("no metric '" + metric + "'; there are " + values.keySet());
      }
      return v.clone();
    }

    /**
     * The mean over the folds.
     *
     * @param metric the metric's name
     * @return the metric's mean over the folds
     * @throws IllegalArgumentException if no fold reported {@code metric}
     */
    public double mean(String metric) {
      double sum = 0;
      for (double v : values(metric)) {
        sum += v;
      }
      return sum / values(metric).length;
    }

    /**
     * The sample standard deviation over the folds (divided by k − 1).
     *
     * @param metric the metric's name
     * @return the metric's sample standard deviation over the folds
     * @throws IllegalArgumentException if no fold reported {@code metric}
     */
    public double standardDeviation(String metric) {
      double[] v = values(metric);
      double mean = mean(metric);
      double squares = 0;
      for (double x : v) {
        squares += (x - mean) * (x - mean);
      }
      return Math.sqrt(squares / (v.length - 1));
    }

    /** One line per metric: {@code accuracy 0.9533 ± 0.0298 (5 folds)}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (String name : values.keySet()) {
        sb.append(String.format(Locale.ROOT, "%-12s %.4f ± %.4f (%d folds)%n",
            name, mean(name), standardDeviation(name), values.get(name).length));
      }
      return sb.toString();
    }
  }
}
