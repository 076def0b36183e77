package io.gradgen.data;

import java.io.IOException;

/** A CSV file that cannot be read as numbers: names the source, the line and the column. */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line of the problem. */
  private final int line;
  /** The 1-based column of the problem, or 0 for the whole line. */
  private final int column;

  /**
   * @param source the file's name
   * @param line the 1-based line number
   * @param column the 1-based column number, or 0 when the whole line is wrong
   * @param problem what is wrong
   */
  CsvFormatException(String source, int line, int column, String problem) {
    super(source + ":" + line + (column > 0 ? ", column " + column : "") + ": " + problem);
    this.line = line;
    this.column = column;
  }

  /**
   * The 1-based line number.
   *
   * @return the 1-based line number
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column number, or 0 when the problem is the whole line (a ragged row).
   *
   * @return the 1-based column number, or 0 when the problem is the whole line (a ragged row)
   */
  public int column() {
    return column;
  }
}
