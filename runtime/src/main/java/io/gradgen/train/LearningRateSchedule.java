package io.gradgen.train;

/**
 * The learning rate η of each epoch: fixed, or decaying as training goes on (docs/SEEDS.md §5: too
 * large an η oscillates or diverges, too small an η converges slowly; η may be fixed or decay).
 *
 * <p>Epochs count from 0. An optimizer asks for the rate once per epoch, so a schedule may do
 * arithmetic freely; it is never called per step.
 */
public sealed interface LearningRateSchedule
    permits LearningRateSchedule.Constant,
        LearningRateSchedule.StepDecay,
        LearningRateSchedule.ExponentialDecay {

  /**
   * The learning rate for epoch {@code epoch} (0-based).
   *
   * @param epoch the epoch, 0-based
   * @return the learning rate for epoch {@code epoch} (0-based)
   */
  double rate(int epoch);

  /**
   * η for every epoch.
   *
   * @param rate the learning rate η
   * @return η for every epoch
   */
  static LearningRateSchedule constant(double rate) {
    return new Constant(rate);
  }

  /**
   * η₀·factor^⌊epoch / every⌋: the rate is multiplied by {@code factor} every {@code every} epochs.
   *
   * @param initial η₀, the learning rate of epoch 0
   * @param factor what the rate is multiplied by
   * @param every the number of epochs between two multiplications
   * @return η₀·factor^⌊epoch / every⌋: the rate is multiplied by {@code factor} every {@code every}
   *     epochs
   */
  static LearningRateSchedule stepDecay(double initial, double factor, int every) {
    return new StepDecay(initial, factor, every);
  }

  /**
   * η₀·e^(−decay·epoch).
   *
   * @param initial η₀, the learning rate of epoch 0
   * @param decay the decay constant, per epoch
   * @return η₀·e^(−decay·epoch)
   */
  static LearningRateSchedule exponentialDecay(double initial, double decay) {
    return new ExponentialDecay(initial, decay);
  }

  /**
   * A fixed learning rate.
   *
   * @param rate η, positive and finite
   */
  record Constant(double rate) implements LearningRateSchedule {
    /**
     * Checks the rate.
     *
     * @param rate η, positive and finite
     */
    public Constant {
      checkRate("rate", rate);
    }

    @Override
    public double rate(int epoch) {
      return rate;
    }
  }

  /**
   * η₀·factor^⌊epoch / every⌋.
   *
   * @param initial η₀, positive and finite
   * @param factor the multiplier applied every {@code every} epochs, in (0, 1]
   * @param every the number of epochs between two decays, at least 1
   */
  record StepDecay(double initial, double factor, int every) implements LearningRateSchedule {
    /**
     * Checks the arguments.
     *
     * @param initial η₀, positive and finite
     * @param factor the multiplier applied every {@code every} epochs, in (0, 1]
     * @param every the number of epochs between two decays, at least 1
     */
    public StepDecay {
      checkRate("initial", initial);
      if (!(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException("factor must be in (0, 1], but is " + factor);
      }
      if (every < 1) {
        throw new IllegalArgumentException("every must be at least 1 epoch, but is " + every);
      }
    }

    @Override
    public double rate(int epoch) {
      return initial * Math.pow(factor, epoch / every);
    }
  }

  /**
   * η₀·e^(−decay·epoch).
   *
   * @param initial η₀, positive and finite
   * @param decay the decay constant, non-negative and finite
   */
  record ExponentialDecay(double initial, double decay) implements LearningRateSchedule {
    /**
     * Checks the arguments.
     *
     * @param initial η₀, positive and finite
     * @param decay the decay constant, non-negative and finite
     */
    public ExponentialDecay {
      checkRate("initial", initial);
      if (!(decay >= 0 && Double.isFinite(decay))) {
        throw new IllegalArgumentException("decay must be finite and at least 0, but is " + decay);
      }
    }

    @Override
    public double rate(int epoch) {
      return initial * Math.exp(-decay * epoch);
    }
  }

  private static void checkRate(String name, double rate) {
    if (!(rate > 0 && Double.isFinite(rate))) {
      throw new IllegalArgumentException(name + " must be positive and finite, but is " + rate);
    }
  }
}
