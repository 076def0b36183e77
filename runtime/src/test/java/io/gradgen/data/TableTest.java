package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables: column names, numeric and text columns, missing values, row selection with line numbers. */
class TableTest {
  static Table table(String csv) throws IOException {
    return Csv.builder().header(true).build().readTable(new StringReader(csv), "t.csv");
  }

  @Test
  void columnsAreNumbersUntilAValueIsText() throws IOException {
    Table t = table("id,size,kind\n1,2.5,a\n2,NA,3\n3,4,b\n");
    assertEquals(List.of("id", "size", "kind"), t.names());
    assertFalse(t.column("size").isText());
    assertEquals(2.5, t.column("size").number(0), 0.0);
    assertTrue(t.column("size").isMissing(1));
    assertEquals(1, t.column("size").missingCount());
    Table.Column kind = t.column("kind");
    assertTrue(kind.isText());
    assertEquals(List.of("a", "3", "b"), kind.levels(), "the number read before the text becomes its text");
    assertEquals("3", kind.text(1));
  }

  @Test
  void withoutAHeaderColumnsAreNumberedAndAnUnknownNameListsTheColumns() throws IOException {
    Table t = Csv.builder().build().readTable(new StringReader("1,2\n"), "n.csv");
    assertEquals(List.of("column1", "column2"), t.names());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.column("x"));
    assertEquals("n.csv has no column 'x'; its columns are column1, column2", e.getMessage());
  }

  @Test
  void selectedRowsKeepTheirLines() throws IOException {
    Table t = table("a\n10\n\n20\n30\n");
    Table s = t.select(new int[] {2, 0});
    assertEquals(30, s.column("a").number(0), 0.0);
    assertEquals(5, s.line(0));
    assertEquals(2, s.line(1));
  }

  @Test
  void aRepeatedHeaderNameIsAnError() {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> table("a,b,a\n1,2,3\n"));
    assertEquals("t.csv:1, column 3: the header names column 'a' twice", e.getMessage());
  }
}
