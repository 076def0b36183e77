package io.gradgen.train;

import java.util.Objects;

/**
 * Argument checks of the training package, with the messages generated models use: the
 * parameter's name, the actual and the expected value.
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
}
