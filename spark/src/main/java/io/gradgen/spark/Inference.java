package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Distributed inference: one model instance per partition, made from the broadcast weights, predicts
 * every row and appends the probability and prediction columns.
 */
final class Inference implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** What the prediction column holds. */
  enum Prediction {
    /** The most probable class's index (softmax networks). */
    CLASS,
    /** Class 1 when the one sigmoid output p reaches the threshold, else 0 (binary cross-entropy). */
    BINARY,
    /** The one output. */
    VALUE,
    /** The output vector. */
    VECTOR;

    static Prediction of(DifferentiableModel model) {
      if (model.layout().loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
        return CLASS;
      }
      if (model.outputCount() == 1) {
        return model.layout().loss() == Loss.BINARY_CROSS_ENTROPY ? BINARY : VALUE;
      }
      return VECTOR;
    }

    /** Whether the network's outputs are class probabilities (a probability column can be added). */
    boolean classifies() {
      return this == CLASS || this == BINARY;
    }
  }

  private final String modelClass;
  private final Broadcast<double[]> parameters;
  private final Columns columns;
  private final int featureIndex;
  private final boolean probabilities;
  private final Prediction prediction;
  private final double threshold;

  /** @param threshold the least p that predicts class 1 ({@link Prediction#BINARY} only) */
  Inference(
      String modelClass, Broadcast<double[]> parameters, Columns columns, int featureIndex, boolean probabilities,
      Prediction prediction, double threshold) {
    this.modelClass = modelClass;
    this.parameters = parameters;
    this.columns = columns;
    this.featureIndex = featureIndex;
    this.probabilities = probabilities;
    this.prediction = prediction;
    this.threshold = threshold;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    DifferentiableModel model = Models.create(modelClass);
    model.parameters().copyFrom(parameters.value());
    double[] x = new double[columns.inputs()];
    int outputs = columns.outputs();
    int extra = probabilities ? 2 : 1;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        columns.features(row, featureIndex, x, 0);
        double[] y = new double[outputs]; // kept by the output vector
        model.predict(x, y);
        int n = row.length();
        Object[] values = new Object[n + extra];
        for (int i = 0; i < n; i++) {
          values[i] = row.get(i);
        }
        if (probabilities) {
          // A binary network's one output is P(class 1): the vector holds both classes, as Spark's classifiers do.
          values[n] = Vectors.dense(prediction == Prediction.BINARY ? new double[] {1 - y[0], y[0]} : y);
        }
        values[n + extra - 1] =
            switch (prediction) {
              case CLASS -> (double) argmax(y);
              case BINARY -> y[0] >= threshold ? 1.0 : 0.0;
              case VALUE -> y[0];
              case VECTOR -> Vectors.dense(y);
            };
        return RowFactory.create(values);
      }
    };
  }

  /** The index of the largest value, the first on a tie. */
  static int argmax(double[] y) {
    int best = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] > y[best]) {
        best = i;
      }
    }
    return best;
  }
}
