package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import java.io.Serializable;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * What one partition does in one step, as {@code treeAggregate}'s sequence function: make one model
 * from the broadcast parameters, then either add the gradient of its share of the mini-batch with
 * the model's batch {@code gradient} (synchronous training), or run a few local SGD steps and add
 * its row-weighted parameters (local steps with averaging); optionally also sum the losses of all
 * its training and validation rows at the broadcast parameters (the previous epoch's evaluation).
 * Nothing is allocated per row.
 */
final class GradientPass implements Function2<GradientPass.Sums, PartitionData, GradientPass.Sums> {
  private static final long serialVersionUID = 1L;

  private final String modelClass;
  private final Broadcast<double[]> parameters;
  private final int[] chunkIds;
  private final int chunks;
  private final boolean evaluate;
  private final double localStepSize;

  /**
   * @param chunkIds the chunks of each partition's training rows this pass learns from: one for a
   *     synchronous step, several for local steps; none to evaluate only
   * @param chunks how many chunks the rows are cut into (mini-batches per epoch)
   * @param localStepSize NaN for a synchronous step, else the local SGD steps' learning rate
   */
  GradientPass(
      String modelClass, Broadcast<double[]> parameters, int[] chunkIds, int chunks, boolean evaluate,
      double localStepSize) {
    this.modelClass = modelClass;
    this.parameters = parameters;
    this.chunkIds = chunkIds.clone();
    this.chunks = chunks;
    this.evaluate = evaluate;
    this.localStepSize = localStepSize;
  }

  @Override
  public Sums call(Sums sums, PartitionData data) {
    DifferentiableModel model = Models.create(modelClass);
    model.parameters().copyFrom(parameters.value());
    PartitionData.Rows train = data.train;
    boolean wholeBatch = chunks == 1 && chunkIds.length == 1 && Double.isNaN(localStepSize);
    if (evaluate) {
      if (!wholeBatch) { // a whole-batch gradient sums these losses itself, below
        sums.trainLoss += loss(model, train);
        sums.trainRows += train.count;
      }
      sums.validationLoss += loss(model, data.validation);
      sums.validationRows += data.validation.count;
    }
    long seen = 0;
    for (int chunk : chunkIds) {
      int from = train.chunkStart(chunk, chunks);
      int count = train.chunkStart(chunk + 1, chunks) - from;
      if (count == 0) {
        continue;
      }
      int x = from * data.inputs;
      int t = from * data.outputs;
      if (Double.isNaN(localStepSize)) {
        double loss = model.gradient(train.xs, x, train.ts, t, count, sums.vector);
        sums.batchLoss += loss;
        if (evaluate && wholeBatch) {
          sums.trainLoss += loss;
          sums.trainRows += count;
        }
      } else {
        sums.batchLoss += model.trainStep(train.xs, x, train.ts, t, count, localStepSize) * count;
      }
      sums.batchRows += count;
      seen += count;
    }
    if (!Double.isNaN(localStepSize) && seen > 0) {
      double[] local = model.parameters().toArray();
      for (int i = 0; i < local.length; i++) {
        sums.vector[i] += seen * local[i];
      }
    }
    return sums;
  }

  /** The summed loss of {@code rows}, one sample at a time through two scratch rows. */
  private static double loss(DifferentiableModel model, PartitionData.Rows rows) {
    double[] x = new double[rows.inputs];
    double[] t = new double[rows.outputs];
    double sum = 0;
    for (int n = 0; n < rows.count; n++) {
      System.arraycopy(rows.xs, n * rows.inputs, x, 0, rows.inputs);
      System.arraycopy(rows.ts, n * rows.outputs, t, 0, rows.outputs);
      sum += model.loss(x, t);
    }
    return sum;
  }

  /**
   * What partitions add up: the gradient sum (or, with local steps, the row-weighted parameter
   * sum), the mini-batch's summed loss and rows, and the evaluation's summed losses and rows.
   */
  static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] vector;
    double batchLoss;
    long batchRows;
    double trainLoss;
    long trainRows;
    double validationLoss;
    long validationRows;

    Sums(int parameterCount) {
      vector = new double[parameterCount];
    }

    /** {@code treeAggregate}'s combine function: adds {@code b} into {@code a}. */
    static Sums combine(Sums a, Sums b) {
      for (int i = 0; i < a.vector.length; i++) {
        a.vector[i] += b.vector[i];
      }
      a.batchLoss += b.batchLoss;
      a.batchRows += b.batchRows;
      a.trainLoss += b.trainLoss;
      a.trainRows += b.trainRows;
      a.validationLoss += b.validationLoss;
      a.validationRows += b.validationRows;
      return a;
    }
  }
}
