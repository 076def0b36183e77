package io.gradgen.train;

import io.gradgen.Model;
import io.gradgen.data.DataSet;
import java.util.Objects;

/**
 * How close a regression model's outputs are to the targets, over every output of every sample.
 *
 * <p>With residuals eᵢ = yᵢ − ŷᵢ over the n·m values: RMSE = √(Σe² / nm), MAE = Σ|e| / nm. R² is
 * computed per output as 1 − Σe² / Σ(y − ȳ)² and averaged over the outputs; an output whose targets
 * are all equal has R² 1 when every residual is 0 and 0 otherwise.
 *
 * @param r2 the coefficient of determination: 1 is perfect, 0 is no better than the mean
 * @param rmse the root mean squared error
 * @param mae the mean absolute error
 */
public record RegressionMetrics(double r2, double rmse, double mae) {

  /**
   * The metrics of {@code predicted} against {@code actual}, row i of each holding sample i's
   * values.
   *
   * @param predicted the predicted values, one row per sample
   * @param actual the true values, in the same shape
   * @return R², RMSE and MAE over every value
   * @throws IllegalArgumentException if the shapes differ or there is no row
   */
  public static RegressionMetrics of(double[][] predicted, double[][] actual) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(actual, "actual");
    if (predicted.length != actual.length || actual.length == 0) {
      throw new IllegalArgumentException(
          "predicted has " + predicted.length + " rows and actual " + actual.length + "; need the same, at least 1");
    }
    int m = actual[0].length;
    int n = actual.length;
    double squares = 0;
    double absolute = 0;
    double r2 = 0;
    for (int j = 0; j < m; j++) {
      double mean = 0;
      for (double[] row : actual) {
        mean += row[j];
      }
      mean /= n;
      double residual = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (predicted[i].length != m || actual[i].length != m) {
          throw new IllegalArgumentException("row " + i + " has " + predicted[i].length + " predicted and "
              + actual[i].length + " actual values, expected " + m);
        }
        double e = actual[i][j] - predicted[i][j];
        residual += e * e;
        absolute += Math.abs(e);
        double d = actual[i][j] - mean;
        total += d * d;
      }
      squares += residual;
      r2 += total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }
    return new RegressionMetrics(r2 / m, Math.sqrt(squares / ((double) n * m)), absolute / ((double) n * m));
  }

  /**
   * The metrics of {@code model}'s outputs on {@code data} against its targets.
   *
   * @param model the regression model
   * @param data the samples, with as many targets as the model has outputs
   * @return R², RMSE and MAE over every output of every sample
   * @throws IllegalArgumentException if the data does not fit the model or has no sample
   */
  public static RegressionMetrics of(Model model, DataSet data) {
    return of(Predictions.predict(model, data), data.targets());
  }
}
