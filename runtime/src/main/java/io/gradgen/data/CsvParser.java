package io.gradgen.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * An RFC 4180 tokenizer: records of fields separated by one character, a field optionally in
 * double quotes (inside which the separator, line breaks and {@code ""} for a quote are data),
 * records ended by LF, CRLF or CR. A byte order mark before the first record is skipped. Spaces
 * around a quoted field are allowed and dropped; spaces in an unquoted field are kept (callers
 * strip numbers).
 *
 * <p>The current record's characters live in one reusable buffer, so reading allocates nothing per
 * field: {@link #field} hands out a String only when asked, and numbers are parsed from the buffer
 * ({@link #number}).
 */
final class CsvParser {
  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final char separator;
  private final String source;
  private final char[] buffer = new char[BUFFER];
  private int position;
  private int limit;
  private boolean started;

  private char[] text = new char[256];
  private int length;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private int fields;

  /** The physical line the next record starts on, and the one the current record started on. */
  private int line = 1;
  private int recordLine;

  CsvParser(Reader in, char separator, String source) {
    this.in = in;
    this.separator = separator;
    this.source = source;
  }

  /** Reads the next record; false at the end of the input. A blank line is a record of one empty field. */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        position++;
      }
    }
    if (peek() < 0) {
      return false;
    }
    recordLine = line;
    length = 0;
    fields = 0;
    while (true) {
      int end = readField();
      if (end != separator) {
        return true;
      }
    }
  }

  /** Reads one field into the record; returns what ended it: the separator, '\n' or −1. */
  private int readField() throws IOException {
    if (fields == starts.length) {
      grow();
    }
    int start = length;
    boolean isQuoted = false;
    int c = read();
    // Spaces before an opening quote belong to no field; remember them in case there is no quote.
    while ((c == ' ' || c == '\t') && c != separator) {
      append((char) c);
      c = read();
    }
    if (c == '"') {
      isQuoted = true;
      length = start;
      int quoteLine = line;
      while (true) {
        c = read();
        if (c < 0) {
          throw new CsvFormatException(
              source, quoteLine, fields + 1, "a quoted field is not closed before the end of the file");
        }
        if (c == '"') {
          if (peek() == '"') {
            position++;
            append('"');
            continue;
          }
          break;
        }
        if (c == '\r') {
          if (peek() == '\n') {
            position++;
          }
          line++;
          append('\n');
          continue;
        }
        if (c == '\n') {
          line++;
        }
        append((char) c);
      }
      int end = length;
      c = read();
      while ((c == ' ' || c == '\t') && c != separator) {
        c = read();
      }
      if (c != separator && c != '\n' && c != '\r' && c >= 0) {
        throw new CsvFormatException(
            source, line, fields + 1,
            "'" + (char) c + "' after the closing quote of a field; expected the separator "
                + describe(separator) + " or the end of the line");
      }
      record(start, end, true);
      return endOfField(c);
    }
    while (c >= 0 && c != separator && c != '\n' && c != '\r') {
      if (c == '"') {
        throw new CsvFormatException(
            source, line, fields + 1, "a quote inside an unquoted field; quote the whole field and write \"\" for a quote");
      }
      append((char) c);
      c = read();
    }
    record(start, length, isQuoted);
    return endOfField(c);
  }

  private int endOfField(int c) throws IOException {
    if (c == '\r') {
      if (peek() == '\n') {
        position++;
      }
      line++;
      return '\n';
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private void record(int start, int end, boolean isQuoted) {
    starts[fields] = start;
    ends[fields] = end;
    quoted[fields] = isQuoted;
    fields++;
  }

  private void grow() {
    int n = starts.length * 2;
    starts = java.util.Arrays.copyOf(starts, n);
    ends = java.util.Arrays.copyOf(ends, n);
    quoted = java.util.Arrays.copyOf(quoted, n);
  }

  private void append(char c) {
    if (length == text.length) {
      text = java.util.Arrays.copyOf(text, text.length * 2);
    }
    text[length++] = c;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** The number of fields in the current record. */
  int fieldCount() {
    return fields;
  }

  /** True when the current record is a blank line: one unquoted field of nothing but spaces. */
  boolean isBlank() {
    if (fields != 1 || quoted[0]) {
      return false;
    }
    for (int i = starts[0]; i < ends[0]; i++) {
      if (!Character.isWhitespace(text[i])) {
        return false;
      }
    }
    return true;
  }

  /** The line the current record starts on, 1-based. */
  int line() {
    return recordLine;
  }

  /** Field {@code i} of the current record, stripped of surrounding spaces when unquoted. */
  String field(int i) {
    int s = starts[i];
    int e = ends[i];
    if (!quoted[i]) {
      while (s < e && text[s] <= ' ') {
        s++;
      }
      while (e > s && text[e - 1] <= ' ') {
        e--;
      }
    }
    return new String(text, s, e - s);
  }

  /** True when field {@code i} is empty (after stripping spaces, if unquoted). */
  boolean isEmpty(int i) {
    for (int k = starts[i]; k < ends[i]; k++) {
      if (quoted[i] || text[k] > ' ') {
        return false;
      }
    }
    return true;
  }

  /** Field {@code i} as a number, or NaN when it is not one (see {@link Numbers#parse}). */
  double number(int i) {
    return Numbers.parse(text, starts[i], ends[i]);
  }

  /** "',' (comma)" and the like, for messages. */
  static String describe(char separator) {
    return switch (separator) {
      case ',' -> "',' (comma)";
      case ';' -> "';' (semicolon)";
      case '\t' -> "'\\t' (tab)";
      case '|' -> "'|' (pipe)";
      case ' ' -> "' ' (space)";
      default -> "'" + separator + "'";
    };
  }

  /**
   * Field {@code c} as a finite number.
   *
   * @throws CsvFormatException naming the line and column if it is empty, not a number or infinite
   */
  double finiteNumber(int c, int line) throws CsvFormatException {
    if (isEmpty(c)) {
      throw new CsvFormatException(source, line, c + 1, "empty field, expected a number");
    }
    double value = number(c);
    if (Double.isNaN(value)) {
      throw new CsvFormatException(source, line, c + 1, "'" + field(c) + "' is not a number");
    }
    if (Double.isInfinite(value)) {
      throw new CsvFormatException(source, line, c + 1, "'" + field(c) + "' is not a finite number");
    }
    return value;
  }

  /**
   * The current row's fields as column names, {@code columnN} for an empty one.
   *
   * @throws CsvFormatException if the row names a column twice
   */
  List<String> headerNames() throws CsvFormatException {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fieldCount(); i++) {
      String name = field(i);
      if (name.isEmpty()) {
        name = "column" + (i + 1);
      }
      if (!seen.add(name)) {
        throw new CsvFormatException(source, line(), i + 1, "the header names column '" + name + "' twice");
      }
      names.add(name);
    }
    return names;
  }

  /** A reader of {@code file}'s text, decompressed when it starts with gzip's magic bytes. */
  static Reader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
