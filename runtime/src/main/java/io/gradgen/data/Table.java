package io.gradgen.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table read from a CSV file: named columns, each of numbers or of text, with missing values
 * marked, and for every row the line of the file it came from (for error messages).
 *
 * <pre>{@code
 * Table table = Csv.builder().header(true).build().readTable(Path.of("penguins.csv"));
 * table.column("species").levels();     // [Adelie, Gentoo, Chinstrap]
 * }</pre>
 *
 * <p>A column is numeric when every value that is present is a decimal number, text otherwise.
 * Turn a table into a {@link DataSet} with a {@link TableEncoder}. Immutable.
 */
public final class Table {
  private final String source;
  private final List<Column> columns;
  private final int[] lines;

  Table(String source, List<Column> columns, int[] lines) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.lines = lines;
  }

  /** One column: its name, its numbers or its texts, and which rows miss a value. */
  public static final class Column {
    private final String name;
    private final double[] numbers;
    private final int[] codes;
    private final List<String> levels;
    private final int missing;

    Column(String name, double[] numbers, int[] codes, List<String> levels, int missing) {
      this.name = name;
      this.numbers = numbers;
      this.codes = codes;
      this.levels = levels;
      this.missing = missing;
    }

    /**
     * The column's name from the header, or {@code column1}, {@code column2}, … without one.
     *
     * @return the column's name
     */
    public String name() {
      return name;
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int size() {
      return codes == null ? numbers.length : codes.length;
    }

    /**
     * True for a column of text, false for one of numbers.
     *
     * @return true for a column of text, false for one of numbers
     */
    public boolean isText() {
      return codes != null;
    }

    /**
     * The number of rows with no value.
     *
     * @return the number of rows with no value
     */
    public int missingCount() {
      return missing;
    }

    /**
     * True when row {@code row} has no value here.
     *
     * @param row the 0-based row
     * @return true when row {@code row} has no value here
     */
    public boolean isMissing(int row) {
      return codes == null ? Double.isNaN(numbers[row]) : codes[row] < 0;
    }

    /**
     * The number in row {@code row}; NaN when it is missing.
     *
     * @param row the 0-based row
     * @return the number in row {@code row}, NaN when it is missing
     * @throws IllegalStateException for a text column
     */
    public double number(int row) {
      if (codes != null) {
        throw new IllegalStateException("column '" + name + "' holds text, not numbers");
      }
      return numbers[row];
    }

    /**
     * The value of row {@code row} as text (a number in its shortest form); null when missing.
     *
     * @param row the 0-based row
     * @return the value of row {@code row} as text, or null when it is missing
     */
    public String text(int row) {
      if (codes == null) {
        return Double.isNaN(numbers[row]) ? null : format(numbers[row]);
      }
      return codes[row] < 0 ? null : levels.get(codes[row]);
    }

    /** Of a text column, the index of row {@code row}'s text in {@link #levels()}, −1 when missing. */
    int code(int row) {
      return codes[row];
    }

    /**
     * The distinct texts of a text column, in order of first appearance; empty for numbers.
     *
     * @return the distinct texts of a text column, in order of first appearance; empty for numbers
     */
    public List<String> levels() {
      return levels;
    }

    Column select(int[] rows) {
      int gone = 0;
      if (codes == null) {
        double[] n = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          n[i] = numbers[rows[i]];
          gone += Double.isNaN(n[i]) ? 1 : 0;
        }
        return new Column(name, n, null, levels, gone);
      }
      int[] c = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        c[i] = codes[rows[i]];
        gone += c[i] < 0 ? 1 : 0;
      }
      return new Column(name, null, c, levels, gone);
    }

    @Override
    public String toString() {
      return name + " (" + (isText() ? "text, " + levels.size() + " distinct" : "numbers")
          + (missing > 0 ? ", " + missing + " missing" : "") + ")";
    }
  }

  /**
   * The name of the file (or other source) the table was read from.
   *
   * @return the name of the file (or other source) the table was read from
   */
  public String source() {
    return source;
  }

  /**
   * The number of data rows.
   *
   * @return the number of data rows
   */
  public int rowCount() {
    return lines.length;
  }

  /**
   * The number of columns.
   *
   * @return the number of columns
   */
  public int columnCount() {
    return columns.size();
  }

  /**
   * The columns, in file order.
   *
   * @return the columns, in file order (unmodifiable)
   */
  public List<Column> columns() {
    return columns;
  }

  /**
   * The column names, in file order.
   *
   * @return the column names, in file order
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /**
   * The 0-based position of the column called {@code name}, or −1.
   *
   * @param name the column's name
   * @return the 0-based position of the column called {@code name}, or −1 if there is none
   */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The column called {@code name}.
   *
   * @param name the column's name
   * @return the column called {@code name}
   * @throws IllegalArgumentException naming the file's columns if there is none of that name
   */
  public Column column(String name) {
    Objects.requireNonNull(name, "name");
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          source + " has no column '" + name + "'; its columns are " + String.join(", ", names()));
    }
    return columns.get(i);
  }

  /**
   * The column at 0-based position {@code index}.
   *
   * @param index the column's 0-based position
   * @return the column at 0-based position {@code index}
   * @throws IndexOutOfBoundsException if there is no column at {@code index}
   */
  public Column column(int index) {
    return columns.get(Objects.checkIndex(index, columns.size()));
  }

  /**
   * The line of the file that row {@code row} (0-based) was read from.
   *
   * @param row the 0-based row
   * @return the 1-based line of the file the row was read from
   * @throws IndexOutOfBoundsException if there is no row {@code row}
   */
  public int line(int row) {
    return lines[Objects.checkIndex(row, lines.length)];
  }

  /**
   * The rows at {@code rows}, in that order (an index may repeat); each keeps its line number.
   *
   * @param rows the 0-based rows to keep, in the order wanted
   * @return a table of the same columns with only those rows
   * @throws IndexOutOfBoundsException if an index is not a row of this table
   */
  public Table select(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    for (int r : rows) {
      Objects.checkIndex(r, lines.length);
    }
    int[] selectedLines = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      selectedLines[i] = lines[rows[i]];
    }
    List<Column> selected = new ArrayList<>();
    for (Column c : columns) {
      selected.add(c.select(rows));
    }
    return new Table(source, selected, selectedLines);
  }

  /** A number in its shortest text: {@code 3} for 3.0, else {@link Double#toString}. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  @Override
  public String toString() {
    return "Table[" + source + ", " + rowCount() + " rows: " + Arrays.toString(columns.toArray()) + "]";
  }
}
