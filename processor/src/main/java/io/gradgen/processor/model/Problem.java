package io.gradgen.processor.model;

/**
 * A mistake in a declaration: what is wrong, what to write instead, and where.
 *
 * @param tag a stable identifier for the kind of mistake, printed in brackets before the message
 *     ({@code [gradgen.units]}) so that users and tests can recognize it
 * @param message what is wrong and what to write instead
 * @param location where to report it
 * @param isError an error stops generation; a warning does not
 */
public record Problem(String tag, String message, Location location, boolean isError) {

  public static Problem error(String tag, Location location, String message) {
    return new Problem(tag, message, location, true);
  }

  public static Problem warning(String tag, Location location, String message) {
    return new Problem(tag, message, location, false);
  }

  /** The text shown to the user. */
  public String formatted() {
    return "[gradgen." + tag + "] " + message;
  }
}
