package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.Parameters;
import io.gradgen.data.DataSet;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One training run of a {@link Trainer}, advanced a step, an epoch, or to the end at a time.
 *
 * <p>All the arrays a step needs (the data's rows, the shuffled order, the gradient, the best
 * weights, the backup of the last finite weights, the rows of one batch) are allocated when the
 * session starts, so {@link #step} allocates nothing. Not thread-safe.
 *
 * <p>A mini-batch's gradient comes from the model's batch {@link DifferentiableModel#gradient(
 * double[], int, double[], int, int, double[]) gradient} when its class implements one (generated
 * models do: loop models then read each weight once per 64 rows), else from one call per sample.
 *
 * <p>Every step checks that the batch's loss, every gradient component and every updated
 * parameter is finite. If one is not, the session restores the weights from before the step and
 * throws a {@link TrainingDivergedException} naming the epoch, the step and the value; it then
 * refuses further steps.
 *
 * <p>The session owns the model's parameters from start to finish. The optimizer works on a flat
 * array: the model's own storage when it is flat, else a copy taken at the start and written back
 * into the model after every step (one pass over the parameters). So the model always holds the
 * current weights. A change made to it from outside while the session runs (loading a weight
 * file, say) is kept by a flat model but overwritten by the next step of a by-column one: make
 * such changes before {@link Trainer#start} or after the session ends.
 */
public final class TrainingSession {
  /** Stops the workers of a session dropped before its last step. */
  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

  private final DifferentiableModel model;
  private final Optimizer optimizer;
  private final TrainingListener[] listeners;
  private final StopRule[] rules;
  private final L2Regularization regularization;
  private final int[] regularized;
  private final Parameters live;
  /**
   * The flat parameters the optimizer updates: the model's own array when it stores them flat,
   * else a copy that {@link #publish} writes back after every change.
   */
  private final double[] parameters;
  private final double[] gradient;
  /**
   * A batch's inputs and targets row after row, for the model's own batch gradient; null when the
   * model only has the interface's default, which allocates.
   */
  private final double[] batchX;
  private final double[] batchT;
  /** Sums large batches with several threads; null for one thread, a model that is not thread-safe, or small batches. */
  private final ParallelGradient parallel;
  private final double[][] x;
  private final double[][] t;
  private final double[][] validationX;
  private final double[][] validationT;
  private final int[] order;
  private final int batchSize;
  private final boolean shuffle;
  private final SplittableRandom random;
  private final long maxIterations;
  private final double[] bestParameters;
  private final double[] lastFinite;
  private final LossHistory history;
  private final long started = System.nanoTime();

  private final Trainer trainer;
  private final int trainingRows;
  private final int validationRows;
  private boolean resumed;
  private int cursor;
  private long iterations;
  private StopReason stopReason;
  private TrainingDivergedException diverged;
  private TrainingResult result;

  TrainingSession(Trainer trainer, DifferentiableModel model, DataSet train, DataSet validation) {
    Checks.fits("training", model, train);
    if (validation != null) {
      Checks.fits("validation", model, validation);
    }
    StopRule.EarlyStopping early = null;
    long maxIterations = Long.MAX_VALUE;
    for (StopRule rule : trainer.stopRules()) {
      if (rule instanceof StopRule.EarlyStopping e) {
        early = e;
      } else if (rule instanceof StopRule.MaxIterations m) {
        maxIterations = Math.min(maxIterations, m.iterations());
      }
    }
    Parameters live = model.parameters();
    double[] flat = live.isFlat() ? live.block(0) : live.toArray();
    int bad = Checks.firstNonFinite(flat);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "the model's parameter " + bad + " (" + model.layout().parameterName(bad) + ") is "
              + flat[bad] + "; initialize the model with finite weights");
    }
    if (early != null && validation == null) {
      throw new IllegalArgumentException(
          "early stopping watches the validation loss: pass a validation set to fit/start");
    }
    this.model = model;
    this.trainer = trainer;
    this.trainingRows = train.size();
    this.validationRows = validation == null ? -1 : validation.size();
    this.optimizer = trainer.optimizer();
    this.listeners = trainer.listeners().toArray(new TrainingListener[0]);
    this.rules = trainer.stopRules().toArray(new StopRule[0]);
    this.regularization = trainer.regularization();
    this.regularized = regularization.indices(model.layout());
    this.live = live;
    this.parameters = flat;
    this.gradient = new double[parameters.length];
    this.x = train.features();
    this.t = train.targets();
    this.validationX = validation == null ? null : validation.features();
    this.validationT = validation == null ? null : validation.targets();
    this.order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.batchSize = Math.min(trainer.batchSize(), x.length);
    boolean batched = batchSize > 1 && Checks.hasOwnBatchGradient(model);
    this.batchX = batched ? new double[batchSize * model.inputCount()] : null;
    this.batchT = batched ? new double[batchSize * model.outputCount()] : null;
    this.parallel = batched && trainer.threads() > 1 && model.isThreadSafe()
            && isWorthSplitting(batchSize, trainer.threads(), parameters.length)
        ? new ParallelGradient(model, trainer.threads())
        : null;
    if (parallel != null) {
      // Workers end with the session's last step or, for a session dropped before it, with it.
      CLEANER.register(this, parallel::close);
    }
    this.shuffle = batchSize < x.length;
    this.random = new SplittableRandom(trainer.seed());
    this.maxIterations = maxIterations;
    this.bestParameters = early == null ? null : new double[parameters.length];
    this.lastFinite = new double[parameters.length];
    this.history = new LossHistory(early == null ? 0 : early.minDelta());
    this.cursor = x.length;
    optimizer.reset(parameters.length);
  }

  /** At least 2 rows per thread and 2²⁰ row·parameter products: below, a hand-off costs more than it saves. */
  private static boolean isWorthSplitting(int rows, int threads, int parameters) {
    return rows >= 2 * threads && (long) rows * parameters >= 1L << 20;
  }

  /**
   * One optimizer step on the next batch; starts a new epoch (shuffling the data) when the last one
   * is done. Allocates nothing.
   *
   * @return the mean loss of the batch's samples, before the update
   * @throws TrainingDivergedException if the loss, a gradient component or an updated parameter
   *     is NaN or infinite; the model then holds the weights from before this step
   * @throws IllegalStateException once training has stopped or diverged
   */
  public double step() {
    if (stopReason != null) {
      throw new IllegalStateException("training has stopped (" + stopReason + ")");
    }
    if (diverged != null) {
      throw new IllegalStateException("training has diverged: " + diverged.getMessage(), diverged);
    }
    if (cursor == x.length) {
      cursor = 0;
      if (shuffle) {
        shuffle();
      }
      optimizer.beginEpoch(history.epochs());
    }
    int end = Math.min(cursor + batchSize, x.length);
    int count = end - cursor;
    Arrays.fill(gradient, 0.0);
    double loss = 0;
    if (batchX != null && count > 1) {
      // The batch's rows side by side, so the model's batch gradient can reuse each weight for
      // all of them while it is in cache.
      int inputs = model.inputCount();
      int outputs = model.outputCount();
      for (int n = 0; n < count; n++) {
        int sample = order[cursor + n];
        System.arraycopy(x[sample], 0, batchX, n * inputs, inputs);
        System.arraycopy(t[sample], 0, batchT, n * outputs, outputs);
      }
      loss = parallel != null && isWorthSplitting(count, parallel.threads(), parameters.length)
          ? parallel.gradient(batchX, batchT, count, gradient)
          : model.gradient(batchX, 0, batchT, 0, count, gradient);
    } else {
      for (int i = cursor; i < end; i++) {
        int sample = order[i];
        loss += model.gradient(x[sample], t[sample], gradient);
      }
    }
    cursor = end;
    if (count > 1) {
      double scale = 1.0 / count;
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] *= scale;
      }
    }
    regularization.addGradient(parameters, gradient, regularized);
    if (!Double.isFinite(loss)) {
      throw diverge(TrainingDivergedException.Quantity.LOSS, -1, loss);
    }
    int bad = Checks.firstNonFinite(gradient);
    if (bad >= 0) {
      throw diverge(TrainingDivergedException.Quantity.GRADIENT, bad, gradient[bad]);
    }
    System.arraycopy(parameters, 0, lastFinite, 0, parameters.length);
    optimizer.step(parameters, gradient);
    bad = Checks.firstNonFinite(parameters);
    if (bad >= 0) {
      double value = parameters[bad];
      System.arraycopy(lastFinite, 0, parameters, 0, parameters.length);
      throw diverge(TrainingDivergedException.Quantity.PARAMETER, bad, value);
    }
    publish();
    iterations++;
    double mean = loss / count;
    for (TrainingListener listener : listeners) {
      listener.onBatch(history.epochs() + 1, iterations, mean);
    }
    return mean;
  }

  private void stopWorkers() {
    if (parallel != null) {
      parallel.close();
    }
  }

  /** Records the divergence (the session is over) and returns the exception to throw. */
  private TrainingDivergedException diverge(
      TrainingDivergedException.Quantity quantity, int index, double value) {
    String name = index < 0 ? "" : model.layout().parameterName(index);
    diverged =
        new TrainingDivergedException(
            history.epochs() + 1, iterations, quantity, index, name, value, history.copy());
    stopWorkers();
    return diverged;
  }

  /** Fisher–Yates shuffle of the sample order with the seeded generator. */
  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * Runs steps to the end of the current epoch (or until the iteration budget is spent), then
   * evaluates the training and validation loss, records them and tells the listeners. Does not
   * check the stop rules: {@link #run} does.
   *
   * @return the epoch's report: its training and validation loss
   * @throws TrainingDivergedException as {@link #step}, or if the training loss over the whole set
   *     is not finite
   * @throws IllegalStateException once training has stopped or diverged
   */
  public EpochReport epoch() {
    long start = System.nanoTime();
    int epoch = history.epochs();
    do {
      step();
    } while (cursor < x.length && iterations < maxIterations);
    double trainingLoss = meanLoss(x, t);
    if (!Double.isFinite(trainingLoss)) {
      // The weights are finite (every step checked them), but the loss over the set is not.
      throw diverge(TrainingDivergedException.Quantity.LOSS, -1, trainingLoss);
    }
    double validationLoss = validationX == null ? Double.NaN : meanLoss(validationX, validationT);
    history.add(trainingLoss, validationLoss);
    if (bestParameters != null && history.bestEpoch() == epoch) {
      System.arraycopy(parameters, 0, bestParameters, 0, parameters.length);
    }
    EpochReport report =
        new EpochReport(
            epoch + 1, trainingLoss, validationLoss, optimizer.learningRate(), iterations,
            System.nanoTime() - start);
    for (TrainingListener listener : listeners) {
      listener.onEpoch(report);
    }
    int every = trainer.checkpointEvery();
    if (every > 0 && cursor == x.length && history.epochs() % every == 0) {
      saveCheckpoint(trainer.checkpointFile());
    }
    return report;
  }

  /** Writes this session's state after a whole epoch to {@code file}, atomically. */
  private void saveCheckpoint(java.nio.file.Path file) {
    try {
      Checkpoint.write(file, new Checkpoint.State(
          model.layout().fingerprint(), trainingRows, validationRows, batchSize, trainer.seed(), iterations,
          history.trainingLosses(), history.validationLosses(), parameters.clone(),
          bestParameters == null ? new double[0] : bestParameters.clone(), optimizer.state()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the checkpoint " + file, e);
    }
  }

  /** Continues from a checkpoint: parameters, history, steps, optimizer state, and the shuffles replayed. */
  void restore(Checkpoint.State s, java.nio.file.Path file) {
    s.checkFits(file, model.layout().fingerprint(), trainingRows, validationRows, batchSize, trainer.seed(), parameters.length);
    System.arraycopy(s.parameters(), 0, parameters, 0, parameters.length);
    publish();
    if (bestParameters != null && s.best().length == parameters.length) {
      System.arraycopy(s.best(), 0, bestParameters, 0, parameters.length);
    }
    for (int e = 0; e < s.trainingLosses().length; e++) {
      history.add(s.trainingLosses()[e], s.validationLosses()[e]);
      if (shuffle) {
        shuffle();
      }
    }
    iterations = s.steps();
    optimizer.restore(s.optimizer());
    resumed = true;
  }

  private double meanLoss(double[][] features, double[][] targets) {
    double sum = 0;
    for (int i = 0; i < features.length; i++) {
      sum += model.loss(features[i], targets[i]);
    }
    return sum / features.length;
  }

  /**
   * Runs epochs until a stop rule is met, restores the best validation epoch's weights if early
   * stopping is one of the rules (whichever rule ended training), and tells the listeners.
   *
   * @return how training ended; the same result when called again
   * @throws TrainingDivergedException if the loss, the gradient or the weights become NaN or
   *     infinite; the model then holds the last finite weights
   */
  public TrainingResult run() {
    if (resumed && stopReason == null && history.epochs() > 0) {
      // The run that saved the checkpoint checked the rules after its last epoch only once it had saved.
      resumed = false;
      stopReason = check(null);
    }
    while (stopReason == null) {
      EpochReport report = epoch();
      stopReason = check(report);
    }
    return finish();
  }

  private StopReason check(EpochReport report) {
    for (StopRule rule : rules) {
      if (rule.isMet(history, iterations)) {
        return rule.reason();
      }
    }
    return null;
  }

  /** Writes the optimizer's flat parameters into a model that stores them by column. */
  private void publish() {
    if (!live.isFlat()) {
      live.copyFrom(parameters);
    }
  }

  private TrainingResult finish() {
    if (result != null) {
      return result;
    }
    stopWorkers();
    int restored = 0;
    // With early stopping among the rules, the best validation epoch's weights are restored
    // whichever rule ends training: maxEpochs may well come first.
    if (bestParameters != null && history.bestEpoch() >= 0 && history.bestEpoch() != history.epochs() - 1) {
      System.arraycopy(bestParameters, 0, parameters, 0, parameters.length);
      publish();
      restored = history.bestEpoch() + 1;
    }
    result =
        new TrainingResult(
            stopReason, history.epochs(), iterations, history.copy(), restored,
            System.nanoTime() - started);
    for (TrainingListener listener : listeners) {
      listener.onStop(result);
    }
    return result;
  }

  /**
   * Epochs finished so far.
   *
   * @return the number of epochs finished so far
   */
  public int epochs() {
    return history.epochs();
  }

  /**
   * Optimizer steps taken so far.
   *
   * @return optimizer steps taken so far
   */
  public long iterations() {
    return iterations;
  }

  /**
   * The learning curve so far (a copy).
   *
   * @return the learning curve so far (a copy)
   */
  public LossHistory history() {
    return history.copy();
  }

  /**
   * The model being trained.
   *
   * @return the model being trained
   */
  public DifferentiableModel model() {
    return model;
  }
}
