package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** CSV reading: header, target column, and errors that name the line and the column. */
class CsvTest {
  private static DataSet read(Csv csv, String text) throws IOException {
    return csv.read(new StringReader(text), "test.csv");
  }

  @Test
  void theHeaderIsSkippedAndTheLastColumnIsTheTarget() throws IOException {
    DataSet data = read(Csv.builder().header(true).build(), "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n\n7.0,3.2,4.7,1.4,1\n");
    assertEquals(2, data.size());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, data.features(0));
    assertArrayEquals(new double[] {1}, data.targets(1));
  }

  @Test
  void anyColumnCanBeTheTarget() throws IOException {
    DataSet data = read(Csv.builder().targetColumn(0).build(), "9, 1, 2\n8, \"3\" ,4\n");
    assertArrayEquals(new double[] {3, 4}, data.features(1));
    assertArrayEquals(new double[] {9}, data.targets(0));
    DataSet semicolons = read(Csv.builder().separator(';').targetColumn(-2).build(), "1;2;3\n");
    assertArrayEquals(new double[] {1, 3}, semicolons.features(0));
    assertArrayEquals(new double[] {2}, semicolons.targets(0));
  }

  @Test
  void aBadNumberNamesItsLineAndColumn() {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> read(Csv.builder().header(true).build(), "a,b,c\n1,2,3\n4,x5,6\n"));
    assertEquals(3, e.line());
    assertEquals(2, e.column());
    assertEquals("test.csv:3, column 2: 'x5' is not a number", e.getMessage());
  }

  @Test
  void anEmptyFieldNamesItsLineAndColumn() {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(Csv.builder().build(), "1,2,3\n4,5,\n"));
    assertEquals("test.csv:2, column 3: empty field, expected a number", e.getMessage());
  }

  @Test
  void aRaggedRowNamesItsLineAndTheExpectedWidth() {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> read(Csv.builder().build(), "1,2,3\n\n4,5,6\n7,8\n"));
    assertEquals(4, e.line());
    assertEquals(0, e.column());
    assertEquals("test.csv:4: has 2 columns, expected 3 as on line 1", e.getMessage());
  }

  @Test
  void aTargetColumnOutsideTheRowAndAnEmptyFileAreReported() {
    CsvFormatException outside =
        assertThrows(CsvFormatException.class, () -> read(Csv.builder().targetColumn(5).build(), "1,2,3\n"));
    assertEquals("test.csv:1: the target column 5 is outside the row's 3 columns", outside.getMessage());
    CsvFormatException empty = assertThrows(CsvFormatException.class, () -> read(Csv.builder().header(true).build(), "h\n"));
    assertEquals("test.csv:1: no data rows", empty.getMessage());
  }
}
