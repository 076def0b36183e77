package io.gradgen.data;

/** What a {@link TableEncoder} does with a feature value that is missing from the file. */
public enum MissingValues {
  /** Refuse it: encoding fails with the file, line and column of the first missing value. */
  ERROR,
  /** Fill it with the feature's mean over the rows the encoder was fitted on. */
  MEAN,
  /**
   * Fill it with the feature's most frequent value over the rows the encoder was fitted on (the
   * smallest one on a tie).
   */
  MOST_FREQUENT
}
