package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.DataSet;
import java.util.Objects;

/**
 * Checks of the training package: arguments, with the messages generated models use (the
 * parameter's name, the actual and the expected value), and what a session asks of its model.
 */
final class Checks {
  private Checks() {}

  /**
   * Checks that {@code array} is not null and has {@code expected} elements.
   *
   * @throws NullPointerException naming {@code name} if it is null
   * @throws IllegalArgumentException as "x has length 3, expected 2"
   */
  static double[] length(String name, double[] array, int expected) {
    Objects.requireNonNull(array, name);
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " has length " + array.length + ", expected " + expected);
    }
    return array;
  }

  /**
   * Checks that {@code data} has the model's numbers of features and targets.
   *
   * @throws IllegalArgumentException naming {@code what} data, its count and the model's
   */
  static void fits(String what, DifferentiableModel model, DataSet data) {
    if (data.featureCount() != model.inputCount()) {
      throw new IllegalArgumentException(
          "the " + what + " data has " + data.featureCount() + " features, the model expects "
              + model.inputCount());
    }
    if (data.targetCount() != model.outputCount()) {
      throw new IllegalArgumentException(
          "the " + what + " data has " + data.targetCount() + " targets, the model has "
              + model.outputCount() + " outputs");
    }
  }

  /** The first index whose value is NaN or infinite, or −1. A loop, no allocation. */
  static int firstNonFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }

  /** True when the model's class implements the batch {@code gradient} itself (generated models do). */
  static boolean hasOwnBatchGradient(DifferentiableModel model) {
    try {
      return model.getClass()
              .getMethod("gradient", double[].class, int.class, double[].class, int.class, int.class, double[].class)
              .getDeclaringClass()
          != DifferentiableModel.class;
    } catch (NoSuchMethodException e) {
      throw new AssertionError("DifferentiableModel declares the batch gradient", e);
    }
  }
}
