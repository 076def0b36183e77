package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains any {@link DifferentiableModel} with an {@link Optimizer}, in one of the three modes of
 * docs/SEEDS.md §1: online (a batch of 1), mini-batch (N samples, the data shuffled every epoch by a
 * seeded generator) or full batch (the whole training set per step, not shuffled).
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(new Adam(0.01))
 *     .miniBatch(16)
 *     .seed(42)
 *     .regularization(L2Regularization.of(1e-4))
 *     .stopWhen(StopRule.maxEpochs(500), StopRule.earlyStopping(25, 0))
 *     .build();
 * TrainingResult result = trainer.fit(model, train, validation);
 * }</pre>
 *
 * <p>A step clears the gradient array, lets the model add each sample's gradient into it, scales
 * it by 1/batch (the cost is the mean of the per-sample losses, docs/SEEDS.md §5), adds the L2 term and
 * lets the optimizer update the parameters in place. Steps allocate nothing. A trainer holds its
 * optimizer, which holds state: train one model at a time with it.
 */
public final class Trainer {
  /** The batch size that selects full-batch training. */
  public static final int FULL_BATCH = Integer.MAX_VALUE;

  private final Optimizer optimizer;
  private final int batchSize;
  private final long seed;
  private final L2Regularization regularization;
  private final List<StopRule> stopRules;
  private final List<TrainingListener> listeners;
  private final int checkpointEvery;
  private final Path checkpointFile;
  private final int threads;

  private Trainer(Builder b) {
    this.threads = b.threads;
    this.checkpointEvery = b.checkpointEvery;
    this.checkpointFile = b.checkpointFile;
    this.optimizer = b.optimizer;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.regularization = b.regularization;
    this.stopRules = List.copyOf(b.stopRules);
    this.listeners = List.copyOf(b.listeners);
  }

  /**
   * A builder for a trainer that uses {@code optimizer}.
   *
   * @param optimizer the optimizer that updates the parameters
   * @return a builder for a trainer that uses {@code optimizer}
   */
  public static Builder builder(Optimizer optimizer) {
    return new Builder(optimizer);
  }

  /**
   * Trains {@code model} on {@code train} until a stop rule is met.
   *
   * @param model the model to train; its parameters change
   * @param train the training data
   * @return the result: why training stopped, and the loss history
   * @throws IllegalArgumentException if the data does not fit the model, or a rule needs a
   *     validation set
   */
  public TrainingResult fit(DifferentiableModel model, DataSet train) {
    return start(model, train).run();
  }

  /**
   * Trains {@code model} on {@code train}, evaluating {@code validation} after every epoch, until a
   * stop rule is met.
   *
   * @param model the model to train; its parameters change
   * @param train the training data
   * @param validation the validation data, whose loss is recorded every epoch
   * @return the result: why training stopped, and the loss history
   * @throws IllegalArgumentException if the data does not fit the model
   */
  public TrainingResult fit(DifferentiableModel model, DataSet train, DataSet validation) {
    return start(model, train, validation).run();
  }

  /**
   * A session that trains {@code model} on {@code train} step by step or epoch by epoch.
   *
   * @param model the model to train; its parameters change
   * @param train the training data
   * @return a session that trains {@code model} on {@code train} step by step or epoch by epoch
   */
  public TrainingSession start(DifferentiableModel model, DataSet train) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    return new TrainingSession(this, model, train, null);
  }

  /**
   * A session with a validation set.
   *
   * @param model the model to train; its parameters change
   * @param train the training data
   * @param validation the validation data, whose loss is recorded every epoch
   * @return a session with a validation set
   */
  public TrainingSession start(DifferentiableModel model, DataSet train, DataSet validation) {
    if (validation == null) {
      throw new IllegalArgumentException("validation is null; use start(model, train) without one");
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    return new TrainingSession(this, model, train, validation);
  }

  /**
   * Continues the run saved in {@code checkpoint} (see {@link Builder#checkpointEvery}) with this
   * trainer, which must be configured as the one that wrote it: the same data, seed, batch size,
   * optimizer and stop rules then give the same result as a run never interrupted. The model's
   * parameters are overwritten with the checkpoint's.
   *
   * @param model the model to train, of the architecture the checkpoint was saved from; its
   *     parameters are overwritten, then change
   * @param train the training data, as in the run that saved the checkpoint
   * @param validation the validation data as in that run, or null if it had none
   * @param checkpoint the checkpoint file that {@link Builder#checkpointEvery} wrote
   * @return a session that continues the saved run where it stopped; {@link TrainingSession#run()}
   *     finishes it
   * @throws IOException if the file cannot be read or is not a valid checkpoint
   * @throws IllegalArgumentException if it was made for another architecture, other data sizes or
   *     another batch size or seed
   */
  public TrainingSession resume(DifferentiableModel model, DataSet train, DataSet validation, Path checkpoint)
      throws IOException {
    TrainingSession session = validation == null ? start(model, train) : start(model, train, validation);
    session.restore(Checkpoint.read(checkpoint), checkpoint);
    return session;
  }

  /** How often the session saves a checkpoint, in epochs; 0 for never. */
  int checkpointEvery() {
    return checkpointEvery;
  }

  /** Where the session saves its checkpoints, or null. */
  Path checkpointFile() {
    return checkpointFile;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  /**
   * The batch size: 1 online, {@link #FULL_BATCH} for the whole data set.
   *
   * @return the batch size: 1 online, {@link #FULL_BATCH} for the whole data set
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The seed of the shuffling generator.
   *
   * @return the seed of the shuffling generator
   */
  public long seed() {
    return seed;
  }

  /**
   * How many threads sum a mini-batch's gradient (see {@link Builder#threads}).
   *
   * @return the number of threads, at least 1
   */
  public int threads() {
    return threads;
  }

  /**
   * The L2 regularization, {@link L2Regularization#NONE} by default.
   *
   * @return the L2 regularization, {@link L2Regularization#NONE} by default
   */
  public L2Regularization regularization() {
    return regularization;
  }

  /**
   * The stop rules, in the order they are checked.
   *
   * @return the stop rules, in the order they are checked
   */
  public List<StopRule> stopRules() {
    return stopRules;
  }

  List<TrainingListener> listeners() {
    return listeners;
  }

  /** Configures a {@link Trainer}. */
  public static final class Builder {
    private final Optimizer optimizer;
    private int batchSize = 32;
    private long seed = 1;
    private L2Regularization regularization = L2Regularization.NONE;
    private final List<StopRule> stopRules = new ArrayList<>();
    private final List<TrainingListener> listeners = new ArrayList<>();
    private int checkpointEvery;
    private Path checkpointFile;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(Optimizer optimizer) {
      if (optimizer == null) {
        throw new IllegalArgumentException("optimizer is null");
      }
      this.optimizer = optimizer;
    }

    /**
     * Online (stochastic) gradient descent: one sample per step, in a shuffled order.
     *
     * @return this builder
     */
    public Builder online() {
      return miniBatch(1);
    }

    /**
     * Mini-batches of {@code size} samples (the default is 32), shuffled every epoch.
     *
     * @param size the number of samples per mini-batch
     * @return this builder
     */
    public Builder miniBatch(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("the batch size must be at least 1, but is " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * One step per epoch on the whole training set.
     *
     * @return this builder
     */
    public Builder fullBatch() {
      this.batchSize = FULL_BATCH;
      return this;
    }

    /**
     * How many threads sum each mini-batch's gradient; by default the available processors. The
     * rows of a batch are split into one contiguous slice per thread and the slices' gradients are
     * added in slice order, so a run is the same bit for bit for a given number of threads and
     * seed (runs with different numbers of threads differ in rounding). A batch is split only for a
     * model that allows concurrent calls ({@link io.gradgen.Model#isThreadSafe}, as generated
     * models do) and only where it is worth a thread's hand-off: at least 2 rows per thread and a
     * million row·parameter products in all (784-128-10 from 11 rows, 64-32-10 from 436).
     *
     * @param threads the number of threads, at least 1; 1 trains on the calling thread alone
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The seed of the generator that shuffles the data each epoch (1 by default).
     *
     * @param seed the seed of the random choices
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Adds λ/2·‖w‖² to the objective.
     *
     * @param regularization the L2 penalty added to the loss
     * @return this builder
     */
    public Builder regularization(L2Regularization regularization) {
      this.regularization = Objects.requireNonNull(regularization, "regularization");
      return this;
    }

    /**
     * Adds stop rules; training stops at the first one met, checked in the order added.
     *
     * @param rules the rules; training stops when any of them is met
     * @return this builder
     */
    public Builder stopWhen(StopRule... rules) {
      Objects.requireNonNull(rules, "rules");
      for (int i = 0; i < rules.length; i++) {
        int index = i;
        Objects.requireNonNull(rules[i], () -> "rules[" + index + "]");
      }
      stopRules.addAll(List.of(rules));
      return this;
    }

    /**
     * Saves a {@link Checkpoint} to {@code file} (atomically, replacing the last one) after every
     * {@code epochs} epochs, for {@link Trainer#resume}.
     *
     * @param epochs the interval, in epochs, at least 1
     * @param file where the checkpoint goes, replaced each time
     * @return this builder
     * @throws IllegalArgumentException if {@code epochs} is less than 1
     * @throws NullPointerException if {@code file} is null
     */
    public Builder checkpointEvery(int epochs, Path file) {
      if (epochs < 1) {
        throw new IllegalArgumentException("checkpoints need an interval of at least 1 epoch, but it is " + epochs);
      }
      this.checkpointEvery = epochs;
      this.checkpointFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Adds a listener that hears every epoch's losses.
     *
     * @param listener the listener, told every epoch's losses
     * @return this builder
     */
    public Builder listener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The trainer.
     *
     * @return the trainer
     * @throws IllegalStateException without a {@link StopRule.MaxEpochs} or {@link
     *     StopRule.MaxIterations} rule (training might never end), or with more than one early
     *     stopping rule
     */
    public Trainer build() {
      boolean bounded = false;
      int early = 0;
      for (StopRule rule : stopRules) {
        bounded |= rule instanceof StopRule.MaxEpochs || rule instanceof StopRule.MaxIterations;
        early += rule instanceof StopRule.EarlyStopping ? 1 : 0;
      }
      if (!bounded) {
        throw new IllegalStateException(
            "no bound on training: add StopRule.maxEpochs(n) or StopRule.maxIterations(n)");
      }
      if (early > 1) {
        throw new IllegalStateException("at most one early stopping rule, but there are " + early);
      }
      return new Trainer(this);
    }
  }
}
