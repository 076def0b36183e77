package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.LossHistory;
import io.gradgen.train.Optimizer;
import io.gradgen.train.StopReason;
import io.gradgen.train.StopRule;
import io.gradgen.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data-parallel training on the driver: per step the parameters are broadcast, every
 * partition sums the gradient of its share of the mini-batch ({@link GradientPass}), {@code
 * treeAggregate} adds the sums, and the runtime's {@link Optimizer} updates the parameters with the
 * mean. With {@code localSteps} k &gt; 1, each partition instead runs k SGD steps of its own and the
 * driver averages the parameters (one synchronization per k steps).
 *
 * <p>An epoch's training loss is the mean loss over all training rows with the weights the epoch
 * ended with, as in the runtime's {@code TrainingSession}, so the runtime's {@link StopRule}s apply
 * unchanged. It is computed in the same job as the next epoch's first step, so evaluating costs no
 * extra job (for full-batch training it is that step's own loss and costs nothing more; with
 * mini-batches that job also passes over all the training rows, not only the step's chunk).
 */
final class DistributedTrainer {
  private final String modelClass;
  private final TrainingSettings settings;

  DistributedTrainer(String modelClass, TrainingSettings settings) {
    this.modelClass = modelClass;
    this.settings = settings;
  }

  /** Trains {@code model} (initialized) on the packed partitions; the model ends with the result's weights. */
  TrainingResult train(JavaRDD<PartitionData> data, DifferentiableModel model) {
    long started = System.nanoTime();
    double[] theta = model.parameters().toArray();
    Optimizer optimizer = settings.newOptimizer();
    optimizer.reset(theta.length);
    List<StopRule> rules = settings.stopRules();
    boolean early = settings.earlyStoppingPatience() > 0;
    LossHistory history = new LossHistory(early ? settings.earlyStoppingMinDelta() : 0);
    double[] best = early ? new double[theta.length] : null;
    int chunks = settings.chunks();
    int perPass = settings.localSteps();
    int[] order = new int[chunks];
    for (int i = 0; i < chunks; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    long iterations = 0;
    StopReason reason = null;
    for (int epoch = 0; reason == null; epoch++) {
      optimizer.beginEpoch(epoch);
      shuffle(order, random);
      for (int first = 0; first < chunks; first += perPass) {
        boolean evaluate = first == 0 && epoch > 0;
        int[] ids = Arrays.copyOfRange(order, first, Math.min(chunks, first + perPass));
        GradientPass.Sums sums = pass(data, theta, ids, chunks, evaluate);
        if (evaluate) {
          reason = record(history, sums, rules, iterations, theta, best);
          if (reason != null) {
            break; // the gradient of this pass is not applied: training is over
          }
        }
        if (sums.batchRows == 0) {
          continue;
        }
        apply(optimizer, theta, sums, epoch, iterations);
        iterations++;
      }
      if (reason == null && epoch + 1 == settings.maxIter()) {
        // The last epoch: no next step to evaluate it with, so one evaluation-only pass.
        reason = record(history, pass(data, theta, new int[0], chunks, true), rules, iterations, theta, best);
      }
    }
    int restored = 0;
    if (best != null && history.bestEpoch() >= 0 && history.bestEpoch() != history.epochs() - 1) {
      System.arraycopy(best, 0, theta, 0, theta.length);
      restored = history.bestEpoch() + 1;
    }
    model.parameters().copyFrom(theta);
    return new TrainingResult(reason, history.epochs(), iterations, history, restored, System.nanoTime() - started);
  }

  /** One job: broadcast θ, aggregate the partitions' sums. */
  GradientPass.Sums pass(JavaRDD<PartitionData> data, double[] theta, int[] chunkIds, int chunks, boolean evaluate) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(data.context());
    Broadcast<double[]> parameters = context.broadcast(theta.clone());
    try {
      double localRate = settings.localSteps() > 1 ? settings.stepSize() : Double.NaN;
      GradientPass partition = new GradientPass(modelClass, parameters, chunkIds, chunks, evaluate, localRate);
      return Failures.unwrap(
          () -> data.treeAggregate(
              new GradientPass.Sums(theta.length), partition, GradientPass.Sums::combine,
              settings.aggregationDepth()));
    } finally {
      parameters.destroy();
    }
  }

  /** Records the epoch the pass evaluated, keeps the best weights, and checks the stop rules. */
  private static StopReason record(
      LossHistory history, GradientPass.Sums sums, List<StopRule> rules, long iterations, double[] theta,
      double[] best) {
    if (sums.trainRows == 0) {
      throw new IllegalArgumentException("the data has no training rows");
    }
    if (best != null && sums.validationRows == 0) {
      throw new IllegalArgumentException(
          "early stopping watches the validation loss, but validationIndicatorCol marks no row as a validation row");
    }
    double trainingLoss = sums.trainLoss / sums.trainRows;
    double validationLoss = sums.validationRows == 0 ? Double.NaN : sums.validationLoss / sums.validationRows;
    if (!Double.isFinite(trainingLoss)) {
      throw new IllegalStateException(
          "training diverged in epoch " + (history.epochs() + 1) + ": the training loss is " + trainingLoss
              + " (try a smaller stepSize)");
    }
    history.add(trainingLoss, validationLoss);
    if (best != null && history.bestEpoch() == history.epochs() - 1) {
      System.arraycopy(theta, 0, best, 0, theta.length);
    }
    for (StopRule rule : rules) {
      if (rule.isMet(history, iterations)) {
        return rule.reason();
      }
    }
    return null;
  }

  /** θ ← optimizer(θ, mean gradient), or θ ← the row-weighted mean of the partitions' parameters. */
  private void apply(Optimizer optimizer, double[] theta, GradientPass.Sums sums, int epoch, long step) {
    double scale = 1.0 / sums.batchRows;
    double[] v = sums.vector;
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
      if (!Double.isFinite(v[i])) {
        throw new IllegalStateException(
            "training diverged in epoch " + (epoch + 1) + ", step " + (step + 1) + ": "
                + (settings.localSteps() > 1 ? "the averaged parameter " : "the gradient of parameter ")
                + i + " is " + v[i] + " (try a smaller stepSize)");
      }
    }
    if (settings.localSteps() > 1) {
      System.arraycopy(v, 0, theta, 0, theta.length);
    } else {
      optimizer.step(theta, v);
    }
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
