package io.gradgen.train;

/**
 * What a {@link TrainingListener} hears after each epoch.
 *
 * @param epoch the number of the epoch just finished, counted from 1 (equal to the epochs run so
 *     far, as in {@link TrainingResult#epochs()})
 * @param trainingLoss the mean loss over the training set after the epoch
 * @param validationLoss the mean loss over the validation set after the epoch, NaN without one
 * @param learningRate the learning rate the epoch used
 * @param iterations optimizer steps since training started
 * @param nanos wall-clock time the epoch took, in nanoseconds
 */
public record EpochReport(
    int epoch, double trainingLoss, double validationLoss, double learningRate, long iterations, long nanos) {

  /**
   * True when a validation set is being evaluated.
   *
   * @return true when a validation set is being evaluated
   */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }
}
