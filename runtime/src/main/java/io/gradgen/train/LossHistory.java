package io.gradgen.train;

import java.util.Arrays;

/**
 * The training and validation loss of every epoch so far, and the epoch with the best validation
 * loss: the learning curve.
 *
 * <p>A {@link TrainingSession} appends to its history; {@link TrainingResult} holds a frozen copy.
 * The training loss of an epoch is the mean loss over the whole training set with the weights the
 * epoch ended with (the data loss, without the L2 penalty), so that it compares with the
 * validation loss. Without a validation set the validation losses are NaN.
 */
public final class LossHistory {
  private double[] training = new double[16];
  private double[] validation = new double[16];
  private int epochs;
  private int bestEpoch = -1;
  private final double minDelta;

  /**
   * An empty history, for training loops outside {@link TrainingSession} (such as a distributed
   * trainer) that check the same {@link StopRule}s and report a {@link TrainingResult}.
   *
   * @param minDelta a validation loss counts as the new best when it beats the best by more than
   *     this (the early-stopping rule's {@code minDelta}, 0 without one)
   */
  public LossHistory(double minDelta) {
    this.minDelta = minDelta;
  }

  /**
   * Records the next epoch's losses and updates {@link #bestEpoch}.
   *
   * @param trainingLoss the mean training loss with the weights the epoch ended with
   * @param validationLoss the mean validation loss with those weights, NaN without a validation set
   */
  public void add(double trainingLoss, double validationLoss) {
    if (epochs == training.length) {
      training = Arrays.copyOf(training, epochs * 2);
      validation = Arrays.copyOf(validation, epochs * 2);
    }
    training[epochs] = trainingLoss;
    validation[epochs] = validationLoss;
    if (!Double.isNaN(validationLoss)
        && (bestEpoch < 0 || validationLoss < validation[bestEpoch] - minDelta)) {
      bestEpoch = epochs;
    }
    epochs++;
  }

  LossHistory copy() {
    LossHistory copy = new LossHistory(minDelta);
    copy.training = Arrays.copyOf(training, epochs);
    copy.validation = Arrays.copyOf(validation, epochs);
    copy.epochs = epochs;
    copy.bestEpoch = bestEpoch;
    return copy;
  }

  /**
   * The number of epochs recorded.
   *
   * @return the number of epochs recorded
   */
  public int epochs() {
    return epochs;
  }

  /**
   * The training loss after epoch {@code epoch} (0-based).
   *
   * @param epoch the epoch, 0-based
   * @return the training loss after epoch {@code epoch} (0-based)
   */
  public double trainingLoss(int epoch) {
    return training[java.util.Objects.checkIndex(epoch, epochs)];
  }

  /**
   * The validation loss after epoch {@code epoch} (0-based); NaN without a validation set.
   *
   * @param epoch the epoch, 0-based
   * @return the validation loss after epoch {@code epoch} (0-based); NaN without a validation set
   */
  public double validationLoss(int epoch) {
    return validation[java.util.Objects.checkIndex(epoch, epochs)];
  }

  /**
   * Every epoch's training loss, in order (a copy).
   *
   * @return every epoch's training loss, in order (a copy)
   */
  public double[] trainingLosses() {
    return Arrays.copyOf(training, epochs);
  }

  /**
   * Every epoch's validation loss, in order (a copy); NaNs without a validation set.
   *
   * @return every epoch's validation loss, in order (a copy); NaNs without a validation set
   */
  public double[] validationLosses() {
    return Arrays.copyOf(validation, epochs);
  }

  /**
   * The index (0-based, into {@link #validationLosses()}) of the epoch with the lowest validation
   * loss (improvements smaller than early stopping's {@code minDelta} do not count), or −1 without
   * a validation set. Its epoch number, as {@link TrainingResult#restoredEpoch()} gives it, is one
   * more.
   *
   * @return the 0-based index of the epoch with the lowest validation loss, or −1 without a
   *     validation set
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  @Override
  public String toString() {
    return "LossHistory[" + epochs + " epochs, best " + bestEpoch + "]";
  }
}
