package io.gradgen.train;

/**
 * How training ended.
 *
 * @param reason why it stopped
 * @param epochs epochs run (the last one may be partial when {@link StopReason#MAX_ITERATIONS}
 *     stopped it mid-epoch)
 * @param iterations optimizer steps taken
 * @param history the training and validation loss of each epoch
 * @param restoredEpoch the number of the epoch whose weights the model holds after early stopping
 *     restored them, counted from 1 like {@code epochs} (so "after 31 epochs, restored epoch 19"),
 *     or 0 when the model holds the last epoch's weights
 * @param nanos wall-clock time of the whole run
 */
public record TrainingResult(
    StopReason reason, int epochs, long iterations, LossHistory history, int restoredEpoch, long nanos) {

  /**
   * True when early stopping put back the weights of an earlier epoch ({@link #restoredEpoch()}).
   *
   * @return true when early stopping put back the weights of an earlier epoch
   */
  public boolean restored() {
    return restoredEpoch > 0;
  }

  /**
   * The training loss of the last epoch (NaN if no epoch finished).
   *
   * @return the training loss of the last epoch (NaN if no epoch finished)
   */
  public double finalTrainingLoss() {
    return history.epochs() == 0 ? Double.NaN : history.trainingLoss(history.epochs() - 1);
  }

  /**
   * The validation loss of the weights the model holds now, NaN without a validation set.
   *
   * @return the validation loss of the weights the model holds now, NaN without a validation set
   */
  public double finalValidationLoss() {
    if (history.epochs() == 0) {
      return Double.NaN;
    }
    return history.validationLoss(restoredEpoch > 0 ? restoredEpoch - 1 : history.epochs() - 1);
  }
}
