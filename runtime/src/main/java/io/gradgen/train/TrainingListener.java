package io.gradgen.train;

/**
 * Receives each epoch's training and validation loss while a {@link Trainer} runs, for progress
 * bars, logs and learning curves. Called on the training thread, between epochs.
 */
@FunctionalInterface
public interface TrainingListener {
  /** Called after every epoch. */
  void onEpoch(EpochReport report);

  /** Called once when training stops, after the best weights were restored if they were. */
  default void onStop(TrainingResult result) {}
}
