package io.gradgen.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file of numbers into a {@link DataSet}: every column is a feature except the target
 * column, which becomes the data set's single target (for class labels, then use {@link
 * OneHot#encode(DataSet, int)}).
 *
 * <pre>{@code
 * DataSet iris = Csv.builder().header(true).targetColumn(-1).build().read(Path.of("iris.csv"));
 * }</pre>
 *
 * <p>Fields are separated by a comma (or another separator), may be surrounded by spaces and by
 * double quotes, and must be numbers as {@link Double#parseDouble} reads them. Blank lines are
 * skipped. Every row must have as many fields as the first; a field that is not a number, or a
 * ragged row, fails with a {@link CsvFormatException} naming the line and the column.
 */
public final class Csv {
  private final boolean header;
  private final int targetColumn;
  private final char separator;

  private Csv(Builder b) {
    this.header = b.header;
    this.targetColumn = b.targetColumn;
    this.separator = b.separator;
  }

  /**
   * A builder: no header, the last column is the target, fields separated by commas.
   *
   * @return a builder: no header, the last column is the target, fields separated by commas
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code file} (UTF-8).
   *
   * @param file the file
   * @return the samples read
   * @throws IOException if the file cannot be read, or is not CSV of numbers ({@link
   *     CsvFormatException})
   */
  public DataSet read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.getFileName().toString());
    }
  }

  /**
   * Reads CSV text; {@code source} names it in error messages.
   *
   * @param reader the CSV text
   * @param source a name for the text, used in error messages
   * @return the samples read
   * @throws CsvFormatException for a field that is not a number, a ragged row, a target column
   *     outside the row, or no data row at all
   */
  public DataSet read(Reader reader, String source) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    List<double[]> features = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    int width = -1;
    int firstDataLine = 0;
    int target = -1;
    boolean headerPending = header;
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (headerPending) {
        headerPending = false;
        continue;
      }
      String[] fields = split(line);
      if (width < 0) {
        width = fields.length;
        firstDataLine = number;
        target = targetColumn < 0 ? width + targetColumn : targetColumn;
        if (target < 0 || target >= width || width < 2) {
          throw new CsvFormatException(
              source, number, 0,
              "the target column " + targetColumn + " is outside the row's " + width + " columns");
        }
      } else if (fields.length != width) {
        throw new CsvFormatException(
            source, number, 0,
            "has " + fields.length + " columns, expected " + width + " as on line " + firstDataLine);
      }
      double[] x = new double[width - 1];
      double[] t = new double[1];
      for (int c = 0, f = 0; c < width; c++) {
        double value = parse(fields[c], source, number, c + 1);
        if (c == target) {
          t[0] = value;
        } else {
          x[f++] = value;
        }
      }
      features.add(x);
      targets.add(t);
    }
    if (features.isEmpty()) {
      throw new CsvFormatException(source, Math.max(number, 1), 0, "no data rows");
    }
    return DataSet.of(features.toArray(new double[0][]), targets.toArray(new double[0][]));
  }

  private String[] split(String line) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == separator) {
        fields.add(line.substring(start, i));
        start = i + 1;
      }
    }
    return fields.toArray(new String[0]);
  }

  private static double parse(String field, String source, int line, int column)
      throws CsvFormatException {
    String text = field.strip();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.isEmpty()) {
      throw new CsvFormatException(source, line, column, "empty field, expected a number");
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new CsvFormatException(source, line, column, "'" + text + "' is not a finite number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new CsvFormatException(source, line, column, "'" + text + "' is not a number");
    }
  }

  /** Configures a {@link Csv} reader. */
  public static final class Builder {
    private boolean header;
    private int targetColumn = -1;
    private char separator = ',';

    private Builder() {}

    /**
     * Whether the first non-blank line is a header to skip (false by default).
     *
     * @param header whether to skip a header line
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * The 0-based column of the target; a negative index counts from the end, so −1 (the default)
     * is the last column.
     *
     * @param column the target's 0-based column
     * @return this builder
     */
    public Builder targetColumn(int column) {
      this.targetColumn = column;
      return this;
    }

    /**
     * The field separator, ',' by default.
     *
     * @param separator the field separator
     * @return this builder
     */
    public Builder separator(char separator) {
      this.separator = separator;
      return this;
    }

    /**
     * The reader.
     *
     * @return the reader
     */
    public Csv build() {
      return new Csv(this);
    }
  }
}
