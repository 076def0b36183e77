package io.gradgen.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkException;

/**
 * Gives the user the error an executor found in their data (a vector of the wrong size, a bad
 * label), not Spark's wrapper around it with a stage and task number in front.
 */
final class Failures {
  private Failures() {}

  /**
   * Runs {@code job}; an {@link IllegalArgumentException} thrown inside a task comes out as an
   * {@code IllegalArgumentException} with the same message (Spark's exception as its cause).
   */
  static <T> T unwrap(Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) { // SparkException is checked in Java, but Scala code throws it anyway
      if (e instanceof SparkException) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof IllegalArgumentException) {
            throw new IllegalArgumentException(cause.getMessage(), e);
          }
        }
      }
      throw Failures.<RuntimeException>sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E sneaky(Exception e) throws E {
    throw (E) e;
  }
}
