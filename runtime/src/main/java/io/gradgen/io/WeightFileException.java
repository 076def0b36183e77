package io.gradgen.io;

import java.io.IOException;

/**
 * A weight file that cannot be loaded: not a weight file, another version, truncated, corrupted,
 * or made for another architecture. The model it was to be loaded into is left untouched.
 */
public final class WeightFileException extends IOException {
  private static final long serialVersionUID = 1L;

  WeightFileException(String message) {
    super(message);
  }
}
