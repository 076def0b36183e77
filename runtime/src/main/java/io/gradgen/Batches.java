package io.gradgen;

import java.util.Objects;

/**
 * Argument checks of the batch forms of {@link DifferentiableModel} and {@link
 * DifferentiableFloatModel}, shared with generated code.
 */
public final class Batches {
  private Batches() {}

  /**
   * Checks that {@code count} rows of {@code width} values, from {@code offset} on, fit in {@code
   * array}.
   *
   * @param name the argument's name, for the error message
   * @param array the array of rows
   * @param offset the index of the first row's first element
   * @param count the number of rows
   * @param width the length of one row
   * @throws NullPointerException naming the array if it is null
   * @throws IllegalArgumentException naming the array, the offset or the count, with the values
   */
  public static void check(String name, double[] array, int offset, int count, int width) {
    Objects.requireNonNull(array, name);
    checkRows(name, array.length, offset, count, width);
  }

  /**
   * The same for a {@code float} array.
   *
   * @param name the argument's name, for the error message
   * @param array the array of rows
   * @param offset the index of the first row's first element
   * @param count the number of rows
   * @param width the length of one row
   */
  public static void check(String name, float[] array, int offset, int count, int width) {
    Objects.requireNonNull(array, name);
    checkRows(name, array.length, offset, count, width);
  }

  private static void checkRows(String name, int length, int offset, int count, int width) {
    if (offset < 0) {
      throw new IllegalArgumentException(name + " offset must not be negative, but is " + offset);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but is " + count);
    }
    long end = offset + (long) count * width;
    if (end > length) {
      throw new IllegalArgumentException(name + " needs " + end + " elements for " + count + " rows of " + width
          + " from offset " + offset + ", but has " + length);
    }
  }
}
