package io.gradgen.train;

/**
 * Why training stopped. Divergence is not a stop reason: it is an error, a {@link
 * TrainingDivergedException}.
 */
public enum StopReason {
  /** {@link StopRule#maxEpochs}: the epoch budget is spent. */
  MAX_EPOCHS,
  /** {@link StopRule#maxIterations}: the budget of optimizer steps is spent. */
  MAX_ITERATIONS,
  /** {@link StopRule#targetLoss}: the training loss reached the target. */
  TARGET_LOSS,
  /** {@link StopRule#minImprovement}: the training loss no longer decreases fast enough. */
  NO_IMPROVEMENT,
  /**
   * {@link StopRule#earlyStopping}: the validation loss has not improved for {@code patience}
   * epochs; the best weights were restored.
   */
  EARLY_STOPPING
}
