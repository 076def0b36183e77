package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;

/**
 * Reading 1,000,000 rows × 20 columns takes seconds: the text (about 150 MB, made on the fly so the
 * test writes no file) goes through the tokenizer and the number parser into a table, then into a
 * data set. The bound is generous for a shared machine; the time is printed.
 */
class CsvScaleTest {
  static final int ROWS = 1_000_000;
  static final int COLUMNS = 20;

  /** Rows of "r.ddd" numbers: column c of row r is (r·31 + c·7) mod 1000 / 1000 + c. */
  private static final class Generated extends Reader {
    private final StringBuilder pending = new StringBuilder();
    private int row = -1;
    private int offset;

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (offset == pending.length()) {
        pending.setLength(0);
        offset = 0;
        if (row == ROWS) {
          return -1;
        }
        for (int k = 0; k < 256 && row < ROWS; k++, row++) {
          if (row < 0) {
            for (int c = 0; c < COLUMNS; c++) {
              pending.append(c == 0 ? "" : ",").append("x").append(c);
            }
          } else {
            for (int c = 0; c < COLUMNS; c++) {
              int milli = (row * 31 + c * 7) % 1000;
              pending.append(c == 0 ? "" : ",").append(c).append('.');
              pending.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
            }
          }
          pending.append('\n');
        }
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, cbuf, off);
      offset += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Test
  void aMillionRowsOfTwentyColumnsReadInSeconds() throws IOException {
    long start = System.nanoTime();
    Table table = Csv.builder().header(true).build().readTable(new Generated(), "generated.csv");
    long read = System.nanoTime();
    DataSet data = TableEncoder.builder().target("x19").build().fit(table).encode(table);
    long encoded = System.nanoTime();
    System.out.printf(
        "CsvScaleTest: %d rows x %d columns: read into a table in %.2f s, encoded into a data set in %.2f s%n",
        ROWS, COLUMNS, (read - start) / 1e9, (encoded - read) / 1e9);
    assertEquals(ROWS, table.rowCount());
    assertEquals(19, data.featureCount());
    int r = 123_456;
    assertEquals(3 + ((r * 31 + 21) % 1000) / 1000.0, data.feature(r, 3), 1e-12);
    assertTrue((read - start) / 1e9 < 30, "reading took " + (read - start) / 1e9 + " s");
  }
}
