package io.gradgen.train;

/**
 * Receives each batch's loss and each epoch's training and validation loss while a {@link Trainer}
 * runs, for progress bars, logs, learning curves and checkpoints. Called on
 * the training thread, between steps.
 */
@FunctionalInterface
public interface TrainingListener {
  /**
   * Called after every optimizer step, with primitive arguments so that the step still allocates
   * nothing. Does nothing unless overridden.
   *
   * @param epoch the number of the epoch under way, counted from 1
   * @param iteration the number of steps taken so far, this one included
   * @param loss the mean loss of the batch's samples, before the update
   */
  default void onBatch(int epoch, long iteration, double loss) {}

  /**
   * Called after every epoch.
   *
   * @param report the epoch's losses
   */
  void onEpoch(EpochReport report);

  /**
   * Called once when training stops, after the best weights were restored if they were.
   *
   * @param result the result of the training
   */
  default void onStop(TrainingResult result) {}
}
