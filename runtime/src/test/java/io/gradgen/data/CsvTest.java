package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertEquals("test.csv:4: has 2 columns, expected 3 as on line 1 (fields split at ',' (comma))", e.getMessage());
  }

  @Test
  void aTargetColumnOutsideTheRowAndAnEmptyFileAreReported() {
    CsvFormatException outside =
        assertThrows(CsvFormatException.class, () -> read(Csv.builder().targetColumn(5).build(), "1,2,3\n"));
    assertEquals("test.csv:1: the target column 5 is outside the row's 3 columns", outside.getMessage());
    CsvFormatException empty = assertThrows(CsvFormatException.class, () -> read(Csv.builder().header(true).build(), "h\n"));
    assertEquals("test.csv:1: no data rows", empty.getMessage());
  }

  @Test
  void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
    Table table =
        Csv.builder().header(true).build()
            .readTable(new StringReader("\uFEFFname,\"note, long\"\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nc,\"two\nlines\"\r\n"), "q.csv");
    assertEquals(List.of("name", "note, long"), table.names());
    assertEquals("a,b", table.column("name").text(0));
    assertEquals("say \"hi\"", table.column("note, long").text(0));
    assertEquals("two\nlines", table.column(1).text(1));
    assertEquals(2, table.line(0));
    assertEquals(3, table.line(1), "the record after a CRLF starts on line 3");
  }

  @Test
  void aBareQuoteAndAnUnclosedQuoteNameTheirLineAndColumn() {
    CsvFormatException bare =
        assertThrows(CsvFormatException.class, () -> Csv.builder().build().readTable(new StringReader("1,2\n3,4\"x\n"), "b.csv"));
    assertEquals("b.csv:2, column 2: a quote inside an unquoted field; quote the whole field and write \"\" for a quote", bare.getMessage());
    CsvFormatException open =
        assertThrows(CsvFormatException.class, () -> Csv.builder().build().readTable(new StringReader("1,2\n3,\"4\n5,6\n"), "o.csv"));
    assertEquals("o.csv:2, column 2: a quoted field is not closed before the end of the file", open.getMessage());
  }

  @Test
  void theTargetIsChosenByNameAndAFileMayHaveNoTarget() throws IOException {
    DataSet byName = read(Csv.builder().header(true).targetColumn("y").build(), "a,y,b\n1,2,3\n");
    assertArrayEquals(new double[] {1, 3}, byName.features(0));
    assertArrayEquals(new double[] {2}, byName.targets(0));
    DataSet featuresOnly = read(Csv.builder().noTarget().build(), "5\n6\n");
    assertEquals(1, featuresOnly.featureCount());
    assertEquals(0, featuresOnly.targetCount());
    assertArrayEquals(new double[] {6}, featuresOnly.features(1));
  }

  @Test
  void aWrongSeparatorIsNamedWithTheLikelyOne() {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> read(Csv.builder().build(), "1;2;3\n4;5;6\n"));
    assertEquals(
        "test.csv:1: the row has 1 column when split at ',' (comma), so no column is left for features"
            + " besides the target; is the separator ';' (semicolon)? (separator(...)); for a file without"
            + " a target use noTarget()",
        e.getMessage());
    CsvFormatException header =
        assertThrows(CsvFormatException.class,
            () -> Csv.builder().header(true).build().readTable(new StringReader("a,b,c\n1;2;3\n"), "h.csv"));
    assertEquals(
        "h.csv:2: has 1 columns but the header has 3 (fields split at ',' (comma)); is the separator ';'"
            + " (semicolon)? (separator(...))",
        header.getMessage());
  }

  @Test
  void gzipFilesAreRecognizedByTheirFirstBytes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("data.csv.gz");
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      w.write("x,y\n1.5,2\n");
    }
    DataSet data = Csv.builder().header(true).build().read(file);
    assertArrayEquals(new double[] {1.5}, data.features(0));
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, "x,y\n2.5,3\n");
    assertArrayEquals(new double[] {3}, Csv.builder().header(true).build().read(plain).targets(0));
  }

  @Test
  void numbersParseToTheNearestDouble() throws IOException {
    String[] texts = {"0.1", "-2.5e-3", "1e22", "123456789012345678901", "4.9e-324", "  7 ", "+3.", ".5", "1E5"};
    StringBuilder csv = new StringBuilder();
    for (String t : texts) {
      csv.append('"').append(t).append("\",0\n");
    }
    DataSet data = read(Csv.builder().build(), csv.toString());
    for (int i = 0; i < texts.length; i++) {
      assertEquals(Double.parseDouble(texts[i].strip()), data.feature(i, 0), 0.0, texts[i]);
    }
  }
}
