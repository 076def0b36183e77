package io.gradgen.train;

/**
 * When to stop training (docs/SEEDS.md §4); a {@link Trainer} takes any combination and stops at the
 * first one met, checked after every epoch in the order given ({@link MaxIterations} is also
 * checked after every step).
 */
public sealed interface StopRule
    permits StopRule.MaxEpochs,
        StopRule.MaxIterations,
        StopRule.TargetLoss,
        StopRule.MinImprovement,
        StopRule.EarlyStopping {

  /**
   * True when training should stop after the epochs recorded in {@code history}.
   *
   * @param history the losses so far
   * @param iterations the number of steps
   * @return true when training should stop after the epochs recorded in {@code history}
   */
  boolean isMet(LossHistory history, long iterations);

  /**
   * The reason reported when this rule stops training.
   *
   * @return the reason reported when this rule stops training
   */
  StopReason reason();

  /**
   * Stop after {@code epochs} epochs.
   *
   * @param epochs the number of epochs after which training stops
   * @return stop after {@code epochs} epochs
   */
  static StopRule maxEpochs(int epochs) {
    return new MaxEpochs(epochs);
  }

  /**
   * Stop after {@code iterations} optimizer steps (e.g. 10,000), even in the middle of an epoch.
   *
   * @param iterations the number of steps
   * @return stop after {@code iterations} optimizer steps (e.g. 10,000), even in the middle of an
   *     epoch
   */
  static StopRule maxIterations(long iterations) {
    return new MaxIterations(iterations);
  }

  /**
   * Stop once the training loss is at most {@code loss}.
   *
   * @param loss the loss at or below which training stops
   * @return stop once the training loss is at most {@code loss}
   */
  static StopRule targetLoss(double loss) {
    return new TargetLoss(loss);
  }

  /**
   * Stop once the training loss has decreased by less than {@code minDelta} per epoch on average
   * over the last {@code window} epochs (e.g. 0.05 over 5).
   *
   * @param minDelta the smallest decrease of the loss that counts as an improvement
   * @param window the number of epochs the improvement is measured over
   * @return stop once the training loss has decreased by less than {@code minDelta} per epoch on
   *     average over the last {@code window} epochs (e.g. 0.05 over 5)
   */
  static StopRule minImprovement(double minDelta, int window) {
    return new MinImprovement(minDelta, window);
  }

  /**
   * Stop when the validation loss has not improved by more than {@code minDelta} for {@code
   * patience} epochs (over-fitting), and restore the weights of the best validation epoch.
   *
   * @param patience how many epochs without improvement to wait
   * @param minDelta the smallest decrease of the loss that counts as an improvement
   * @return stop when the validation loss has not improved by more than {@code minDelta} for {@code
   *     patience} epochs (over-fitting), and restore the weights of the best validation epoch
   */
  static StopRule earlyStopping(int patience, double minDelta) {
    return new EarlyStopping(patience, minDelta);
  }

  /**
   * At most {@code epochs} epochs.
   *
   * @param epochs at least 1
   */
  record MaxEpochs(int epochs) implements StopRule {
    /**
     * Checks the count.
     *
     * @param epochs at least 1
     */
    public MaxEpochs {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, but is " + epochs);
      }
    }

    @Override
    public boolean isMet(LossHistory history, long iterations) {
      return history.epochs() >= epochs;
    }

    @Override
    public StopReason reason() {
      return StopReason.MAX_EPOCHS;
    }
  }

  /**
   * At most {@code iterations} optimizer steps.
   *
   * @param iterations at least 1
   */
  record MaxIterations(long iterations) implements StopRule {
    /**
     * Checks the count.
     *
     * @param iterations at least 1
     */
    public MaxIterations {
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be at least 1, but is " + iterations);
      }
    }

    @Override
    public boolean isMet(LossHistory history, long done) {
      return done >= iterations;
    }

    @Override
    public StopReason reason() {
      return StopReason.MAX_ITERATIONS;
    }
  }

  /**
   * Training loss at most {@code loss}.
   *
   * @param loss the target, finite
   */
  record TargetLoss(double loss) implements StopRule {
    /**
     * Checks the target.
     *
     * @param loss the target, finite
     */
    public TargetLoss {
      if (!Double.isFinite(loss)) {
        throw new IllegalArgumentException("the target loss must be finite, but is " + loss);
      }
    }

    @Override
    public boolean isMet(LossHistory history, long iterations) {
      return history.epochs() > 0 && history.trainingLoss(history.epochs() - 1) <= loss;
    }

    @Override
    public StopReason reason() {
      return StopReason.TARGET_LOSS;
    }
  }

  /**
   * (loss[e − window] − loss[e]) / window &lt; minDelta, once there are window + 1 epochs.
   *
   * @param minDelta the least average decrease per epoch, at least 0
   * @param window the number of epochs to average over, at least 1
   */
  record MinImprovement(double minDelta, int window) implements StopRule {
    /**
     * Checks the arguments.
     *
     * @param minDelta the least average decrease per epoch, at least 0
     * @param window the number of epochs to average over, at least 1
     */
    public MinImprovement {
      if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
        throw new IllegalArgumentException("minDelta must be finite and at least 0, but is " + minDelta);
      }
      if (window < 1) {
        throw new IllegalArgumentException("window must be at least 1 epoch, but is " + window);
      }
    }

    @Override
    public boolean isMet(LossHistory history, long iterations) {
      int last = history.epochs() - 1;
      if (last < window) {
        return false;
      }
      double decrease = history.trainingLoss(last - window) - history.trainingLoss(last);
      return decrease / window < minDelta;
    }

    @Override
    public StopReason reason() {
      return StopReason.NO_IMPROVEMENT;
    }
  }

  /**
   * No validation improvement by more than {@code minDelta} for {@code patience} epochs; needs a
   * validation set. When training ends, by this rule or any other ({@code maxEpochs} first, say),
   * the trainer restores the weights of the best validation epoch.
   *
   * @param patience epochs without improvement to tolerate, at least 1
   * @param minDelta the least decrease that counts as an improvement, at least 0
   */
  record EarlyStopping(int patience, double minDelta) implements StopRule {
    /**
     * Checks the arguments.
     *
     * @param patience epochs without improvement to tolerate, at least 1
     * @param minDelta the least decrease that counts as an improvement, at least 0
     */
    public EarlyStopping {
      if (patience < 1) {
        throw new IllegalArgumentException("patience must be at least 1 epoch, but is " + patience);
      }
      if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
        throw new IllegalArgumentException("minDelta must be finite and at least 0, but is " + minDelta);
      }
    }

    @Override
    public boolean isMet(LossHistory history, long iterations) {
      return history.bestEpoch() >= 0 && history.epochs() - 1 - history.bestEpoch() >= patience;
    }

    @Override
    public StopReason reason() {
      return StopReason.EARLY_STOPPING;
    }
  }
}
