package io.gradgen.train;

import java.util.Objects;

/**
 * The learning rate an optimizer uses now: its schedule's rate for the current epoch, back to
 * epoch 0's on reset. Shared by every optimizer.
 */
final class ScheduledRate {
  private final LearningRateSchedule schedule;
  private double rate;

  ScheduledRate(LearningRateSchedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.rate = schedule.rate(0);
  }

  /** Moves to epoch {@code epoch}'s rate. @throws IllegalArgumentException if it is negative */
  void beginEpoch(int epoch) {
    rate = Optimizers.rate(schedule, epoch);
  }

  /** The rate of the current epoch. */
  double current() {
    return rate;
  }

  /** Back to epoch 0's rate. */
  void reset() {
    rate = schedule.rate(0);
  }

  @Override
  public String toString() {
    return schedule.toString();
  }
}
