package io.gradgen.train;

/**
 * Training produced a NaN or infinite loss, gradient or parameter: the learning rate is probably
 * too large (docs/SEEDS.md §5), or the data has outliers the loss cannot absorb.
 *
 * <p>When it is thrown the model holds the last finite weights: the weights from before the step
 * that went wrong (restored if the optimizer had already written non-finite values into them).
 * The session that threw it refuses further steps.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What became non-finite. */
  public enum Quantity {
    /** The loss of the batch (or the training loss measured at the end of an epoch). */
    LOSS,
    /** A component of the batch's gradient, after regularization. */
    GRADIENT,
    /** A parameter, after the optimizer's update (the previous values were restored). */
    PARAMETER
  }

  /** The epoch in which training diverged. */
  private final int epoch;
  /** The optimizer step that diverged, counted over the whole run. */
  private final long step;
  /** Which value was not finite. */
  private final Quantity quantity;
  /** The index of the non-finite gradient component or parameter, −1 for the loss. */
  private final int parameterIndex;
  /** The name of that parameter, or "" for the loss. */
  private final String parameterName;
  /** The value that was not finite. */
  private final double value;
  private final transient LossHistory history;

  TrainingDivergedException(
      int epoch, long step, Quantity quantity, int parameterIndex, String parameterName,
      double value, LossHistory history) {
    super(message(epoch, step, quantity, parameterIndex, parameterName, value));
    this.epoch = epoch;
    this.step = step;
    this.quantity = quantity;
    this.parameterIndex = parameterIndex;
    this.parameterName = parameterName;
    this.value = value;
    this.history = history;
  }

  private static String message(
      int epoch, long step, Quantity quantity, int index, String name, double value) {
    String what =
        switch (quantity) {
          case LOSS -> "the loss is " + value;
          case GRADIENT -> "∂E/∂" + name + " (parameter " + index + ") is " + value;
          case PARAMETER -> "the update made " + name + " (parameter " + index + ") " + value;
        };
    return "training diverged in epoch " + epoch + ", step " + step + ": " + what
        + "; the model keeps the weights from before this step (try a smaller learning rate)";
  }

  /**
   * The number of the epoch in which training diverged, counted from 1 as {@link
   * TrainingResult#epochs()}.
   *
   * @return the number of the epoch in which training diverged, counted from 1
   */
  public int epoch() {
    return epoch;
  }

  /**
   * The optimizer step that diverged, counted from 0 over the whole run: the number of steps that
   * had succeeded before it.
   *
   * @return the optimizer step that diverged, counted from 0 over the whole run: the number of
   *     steps that had succeeded before it
   */
  public long step() {
    return step;
  }

  /**
   * What became non-finite.
   *
   * @return what became non-finite
   */
  public Quantity quantity() {
    return quantity;
  }

  /**
   * The index of the non-finite gradient component or parameter, −1 for the loss.
   *
   * @return the index of the non-finite gradient component or parameter, −1 for the loss
   */
  public int parameterIndex() {
    return parameterIndex;
  }

  /**
   * The name of that parameter (as {@code layer.w[unit][input]}), or "" for the loss.
   *
   * @return the name of that parameter (as {@code layer.w[unit][input]}), or "" for the loss
   */
  public String parameterName() {
    return parameterName;
  }

  /**
   * The non-finite value: NaN, +∞ or −∞.
   *
   * @return the non-finite value: NaN, +∞ or −∞
   */
  public double value() {
    return value;
  }

  /**
   * The epochs that finished before training diverged (a copy).
   *
   * @return the epochs that finished before training diverged (a copy)
   */
  public LossHistory history() {
    return history;
  }
}
