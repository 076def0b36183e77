package io.gradgen.train;

import java.util.Objects;

/** Argument checks the optimizers share. */
final class Optimizers {
  private Optimizers() {}

  static double rate(LearningRateSchedule schedule, int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be at least 0, but is " + epoch);
    }
    return schedule.rate(epoch);
  }

  /**
   * Checks that both arrays have the same length and, once an optimizer has state, the length it
   * was sized for; returns that length.
   */
  static int checkSizes(double[] parameters, double[] gradient, int expected) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(gradient, "gradient");
    if (parameters.length != gradient.length) {
      throw new IllegalArgumentException(
          "gradient has " + gradient.length + " elements, parameters has " + parameters.length);
    }
    if (expected >= 0 && parameters.length != expected) {
      throw new IllegalArgumentException(
          "parameters has " + parameters.length + " elements, the optimizer's state is sized for "
              + expected + " (call reset to train another model)");
    }
    return parameters.length;
  }

  static int checkCount(int parameterCount) {
    if (parameterCount < 0) {
      throw new IllegalArgumentException("parameterCount must be at least 0, but is " + parameterCount);
    }
    return parameterCount;
  }

  static void checkUnit(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), but is " + value);
    }
  }
}
