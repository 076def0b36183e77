package io.gradgen.train;

/**
 * Receives each epoch's training and validation loss while a {@link Trainer} runs, for progress
 * bars, logs and learning curves. Called on the training thread, between epochs.
 */
@FunctionalInterface
public interface TrainingListener {
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
