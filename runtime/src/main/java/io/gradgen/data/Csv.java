package io.gradgen.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads CSV files (RFC 4180): fields separated by a comma or a chosen separator, quoted fields that
 * hold separators, line breaks and {@code ""} for a quote, LF, CRLF or CR line ends, an optional
 * UTF-8 byte order mark, and gzip-compressed files (recognized by their first bytes).
 *
 * <p>Two ways to read:
 *
 * <ul>
 *   <li>{@link #readTable} keeps everything: the header's column names, numeric and text columns,
 *       missing values. A {@link TableEncoder} then picks features and target by name, turns class
 *       labels into indices and fills or refuses missing values.
 *   <li>{@link #read} reads a file of numbers straight into a {@link DataSet}: every column a
 *       feature except the target column (by position, by name, or none for a features-only file).
 * </ul>
 *
 * <pre>{@code
 * Table table = Csv.builder().header(true).build().readTable(Path.of("penguins.csv.gz"));
 * DataSet iris = Csv.builder().header(true).targetColumn(-1).build().read(Path.of("iris.csv"));
 * }</pre>
 *
 * <p>Blank lines are skipped. Every row must have as many fields as the first; errors are {@link
 * CsvFormatException}s naming the file, the line and the column, and a row that does not fit names
 * the separator it was split at.
 */
public final class Csv {
  /** The texts {@link #readTable} reads as a missing value unless told otherwise. */
  public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "?");

  private final boolean header;
  private final int targetColumn;
  private final String targetName;
  private final boolean noTarget;
  private final char separator;
  private final Set<String> missing;

  private Csv(Builder b) {
    this.header = b.header;
    this.targetColumn = b.targetColumn;
    this.targetName = b.targetName;
    this.noTarget = b.noTarget;
    this.separator = b.separator;
    this.missing = Set.copyOf(b.missing);
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
   * Reads {@code file} of numbers (UTF-8, or gzip-compressed UTF-8) into a data set.
   *
   * @param file the file
   * @return the samples read
   * @throws IOException if the file cannot be read, or is not CSV of numbers ({@link
   *     CsvFormatException})
   */
  public DataSet read(Path file) throws IOException {
    try (Reader reader = CsvParser.open(file)) {
      return read(reader, file.getFileName().toString());
    }
  }

  /**
   * Reads {@code file} (UTF-8, or gzip-compressed UTF-8) into a table.
   *
   * @param file the file
   * @return the file's columns, numeric or text, with its missing values
   * @throws IOException if the file cannot be read, or is not valid CSV ({@link
   *     CsvFormatException})
   */
  public Table readTable(Path file) throws IOException {
    try (Reader reader = CsvParser.open(file)) {
      return readTable(reader, file.getFileName().toString());
    }
  }

  /**
   * Reads CSV text of numbers; {@code source} names it in error messages.
   *
   * @param reader the CSV text
   * @param source a name for the text, used in error messages
   * @return the samples read
   * @throws CsvFormatException for a field that is not a number, a ragged row, a target column
   *     outside the row or not in the header, or no data row at all
   */
  public DataSet read(Reader reader, String source) throws IOException {
    CsvParser parser = new CsvParser(reader, separator, source);
    List<double[]> features = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    List<String> names = null;
    int width = -1;
    int firstDataLine = 0;
    int target = -1;
    int lastLine = 0;
    while (parser.next()) {
      lastLine = parser.line();
      if (parser.isBlank()) {
        continue;
      }
      if (header && names == null) {
        names = new ArrayList<>();
        for (int i = 0; i < parser.fieldCount(); i++) {
          names.add(parser.field(i));
        }
        continue;
      }
      int line = parser.line();
      if (width < 0) {
        width = parser.fieldCount();
        firstDataLine = line;
        target = targetIndex(names, width, source, line, parser);
      } else if (parser.fieldCount() != width) {
        throw new CsvFormatException(source, line, 0, raggedRow(parser.fieldCount(), width, firstDataLine));
      }
      int featureCount = target < 0 ? width : width - 1;
      double[] x = new double[featureCount];
      double[] t = new double[target < 0 ? 0 : 1];
      for (int c = 0, f = 0; c < width; c++) {
        double value = parser.finiteNumber(c, line);
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
      throw new CsvFormatException(source, Math.max(lastLine, 1), 0, "no data rows");
    }
    return DataSet.of(features.toArray(new double[0][]), targets.toArray(new double[0][]));
  }

  private int targetIndex(List<String> names, int width, String source, int line, CsvParser parser)
      throws CsvFormatException {
    if (noTarget) {
      return -1;
    }
    if (targetName != null) {
      if (names == null) {
        throw new CsvFormatException(
            source, line, 0, "the target column '" + targetName + "' is chosen by name, but the reader has no header; use header(true)");
      }
      int index = names.indexOf(targetName);
      if (index < 0) {
        throw new CsvFormatException(
            source, 1, 0, "no column '" + targetName + "' in the header; the columns are " + String.join(", ", names)
                + separatorHint(names.size(), parser));
      }
      return index;
    }
    int index = targetColumn < 0 ? width + targetColumn : targetColumn;
    if (width < 2) {
      throw new CsvFormatException(
          source, line, 0,
          "the row has 1 column when split at " + CsvParser.describe(separator)
              + ", so no column is left for features besides the target" + separatorHint(1, parser)
              + "; for a file without a target use noTarget()");
    }
    if (index < 0 || index >= width) {
      throw new CsvFormatException(
          source, line, 0, "the target column " + targetColumn + " is outside the row's " + width + " columns");
    }
    return index;
  }

  /** "; is the separator ';' (semicolon)?" when the row has one field that holds a likelier separator. */
  private String separatorHint(int width, CsvParser parser) {
    if (width != 1 || parser.fieldCount() != 1) {
      return "";
    }
    String text = parser.field(0);
    for (char candidate : new char[] {';', '\t', ',', '|'}) {
      if (candidate != separator && text.indexOf(candidate) >= 0) {
        return "; is the separator " + CsvParser.describe(candidate) + "? (separator(...))";
      }
    }
    return "";
  }

  private String raggedRow(int fields, int width, int firstDataLine) {
    return "has " + fields + " columns, expected " + width + " as on line " + firstDataLine
        + " (fields split at " + CsvParser.describe(separator) + ")";
  }

  /**
   * Reads CSV text into a table; {@code source} names it in error messages. Without a header the
   * columns are called {@code column1}, {@code column2}, …, as is a column whose header field is
   * empty.
   *
   * @param reader the CSV text
   * @param source a name for the text, used in error messages
   * @return the text's columns, numeric or text, with its missing values
   * @throws CsvFormatException for a ragged row, a number too large for a double, a column name the
   *     header repeats, or no data row
   * @throws IOException if the text cannot be read
   */
  public Table readTable(Reader reader, String source) throws IOException {
    CsvParser parser = new CsvParser(reader, separator, source);
    List<String> names = null;
    ColumnBuilder[] columns = null;
    int[] lines = new int[1024];
    int rows = 0;
    int firstDataLine = 0;
    int lastLine = 0;
    while (parser.next()) {
      lastLine = parser.line();
      if (parser.isBlank()) {
        continue;
      }
      if (header && names == null) {
        names = parser.headerNames();
        continue;
      }
      int line = parser.line();
      if (columns == null) {
        firstDataLine = line;
        int width = parser.fieldCount();
        if (names != null && names.size() != width) {
          throw new CsvFormatException(
              source, line, 0, "has " + width + " columns but the header has " + names.size()
                  + " (fields split at " + CsvParser.describe(separator) + ")" + separatorHint(width, parser));
        }
        columns = new ColumnBuilder[width];
        for (int c = 0; c < width; c++) {
          columns[c] = new ColumnBuilder(names == null ? "column" + (c + 1) : names.get(c));
        }
      } else if (parser.fieldCount() != columns.length) {
        throw new CsvFormatException(source, line, 0, raggedRow(parser.fieldCount(), columns.length, firstDataLine));
      }
      for (int c = 0; c < columns.length; c++) {
        add(parser, c, columns[c], source, line);
      }
      if (rows == lines.length) {
        lines = java.util.Arrays.copyOf(lines, rows * 2);
      }
      lines[rows++] = line;
    }
    if (columns == null) {
      throw new CsvFormatException(source, Math.max(lastLine, 1), 0, "no data rows");
    }
    List<Table.Column> built = new ArrayList<>();
    for (ColumnBuilder c : columns) {
      built.add(c.build());
    }
    return new Table(source, built, java.util.Arrays.copyOf(lines, rows));
  }

  private void add(CsvParser parser, int c, ColumnBuilder column, String source, int line)
      throws CsvFormatException {
    if (parser.isEmpty(c)) {
      column.addMissing();
      return;
    }
    double value = parser.number(c);
    if (!Double.isNaN(value)) {
      if (Double.isInfinite(value)) {
        throw new CsvFormatException(
            source, line, c + 1, "'" + parser.field(c) + "' in column '" + column.name() + "' is too large for a double");
      }
      column.addNumber(value);
      return;
    }
    String text = parser.field(c);
    if (missing.contains(text)) {
      column.addMissing();
    } else {
      column.addText(text);
    }
  }

  /** Configures a {@link Csv} reader. */
  public static final class Builder {
    private boolean header;
    private int targetColumn = -1;
    private String targetName;
    private boolean noTarget;
    private char separator = ',';
    private Set<String> missing = DEFAULT_MISSING;

    private Builder() {}

    /**
     * Whether the first non-blank line is a header of column names (false by default).
     *
     * @param header whether the first non-blank line holds the column names
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * For {@link #read}: the 0-based column of the target; a negative index counts from the end, so
     * −1 (the default) is the last column.
     *
     * @param column the target's 0-based column, or a negative index from the end
     * @return this builder
     */
    public Builder targetColumn(int column) {
      this.targetColumn = column;
      this.targetName = null;
      this.noTarget = false;
      return this;
    }

    /**
     * For {@link #read}: the target is the column of this name in the header.
     *
     * @param name the target column's name in the header
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder targetColumn(String name) {
      this.targetName = Objects.requireNonNull(name, "name");
      this.noTarget = false;
      return this;
    }

    /**
     * For {@link #read}: every column is a feature; the data set has no targets.
     *
     * @return this builder
     */
    public Builder noTarget() {
      this.noTarget = true;
      this.targetName = null;
      return this;
    }

    /**
     * The field separator, ',' by default (';', '\t', '|' are common too).
     *
     * @param separator the field separator
     * @return this builder
     * @throws IllegalArgumentException if {@code separator} is a quote or a line break
     */
    public Builder separator(char separator) {
      if (separator == '"' || separator == '\n' || separator == '\r') {
        throw new IllegalArgumentException("the separator cannot be a quote or a line break");
      }
      this.separator = separator;
      return this;
    }

    /**
     * For {@link #readTable}: the texts that mean "no value" (besides an empty field); {@link
     * #DEFAULT_MISSING} by default.
     *
     * @param texts the texts read as a missing value; an empty field always is one
     * @return this builder
     */
    public Builder missingValues(String... texts) {
      Set<String> set = new HashSet<>(List.of(texts));
      set.add("");
      this.missing = set;
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
