package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a table of named, partly textual columns to a data set: labels, fills, errors by line and column. */
class TableEncoderTest {
  private static final String FLOWERS =
      "id,length,width,note,species\n"
          + "1,5.0,3.0,nice,setosa\n"
          + "2,7.0,,\"big, red\",virginica\n"
          + "3,6.0,2.0,,versicolor\n"
          + "4,,2.0,x,setosa\n";

  @Test
  void textLabelsBecomeOneHotClassesInAlphabeticalOrder() throws IOException {
    Table t = TableTest.table(FLOWERS);
    TableEncoding e =
        TableEncoder.builder().target("species").ignore("id", "note").missing(MissingValues.MEAN).build().fit(t);
    assertEquals(List.of("length", "width"), e.features());
    assertEquals(List.of("setosa", "versicolor", "virginica"), e.labels().orElseThrow().names());
    DataSet d = e.encode(t);
    assertArrayEquals(new double[] {0, 0, 1}, d.targets(1));
    assertArrayEquals(new double[] {1, 0, 0}, d.targets(3));
    // Means of the present values: length (5 + 7 + 6) / 3 = 6, width (3 + 2 + 2) / 3 = 7/3.
    assertArrayEquals(new double[] {7.0, 7.0 / 3}, d.features(1), 1e-15);
    assertArrayEquals(new double[] {6.0, 2.0}, d.features(3));
  }

  @Test
  void mostFrequentFillsWithTheCommonestValue() throws IOException {
    Table t = TableTest.table(FLOWERS);
    DataSet d =
        TableEncoder.builder().target("species").features("width").missing(MissingValues.MOST_FREQUENT)
            .build().fit(t).encode(t);
    assertEquals(2.0, d.feature(1, 0), 0.0, "width is 3, missing, 2, 2: the mode is 2");
  }

  @Test
  void aMissingValueIsAnErrorByDefaultNamingFileLineAndColumn() throws IOException {
    Table t = TableTest.table(FLOWERS);
    TableEncoding e = TableEncoder.builder().target("species").ignore("id", "note").build().fit(t);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> e.encode(t));
    assertEquals(
        "t.csv:3, column 3 ('width'): missing value; fill missing values with missing(MissingValues.MEAN)"
            + " or MOST_FREQUENT, or remove the row",
        error.getMessage());
  }

  @Test
  void aTextColumnAmongTheFeaturesIsNamed() throws IOException {
    Table t = TableTest.table(FLOWERS);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> TableEncoder.builder().target("species").ignore("id").build().fit(t));
    assertEquals(
        "t.csv:2, column 'note' holds text ('nice'), not numbers; drop it from the features (ignore(\"note\"))"
            + " or make it the target",
        error.getMessage());
  }

  @Test
  void aNumericTargetIsRegressionUnlessToldAndAnUnknownLabelIsNamed() throws IOException {
    Table t = TableTest.table("x,y\n1,0\n2,1\n3,1\n");
    DataSet regression = TableEncoder.builder().target("y").build().fit(t).encode(t);
    assertArrayEquals(new double[] {1}, regression.targets(1));
    TableEncoding classes = TableEncoder.builder().target("y").classification().build().fit(t);
    assertEquals(List.of("0", "1"), classes.labels().orElseThrow().names());
    Table other = TableTest.table("x,y\n1,2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> classes.encode(other));
    assertEquals("t.csv:2, column 2 ('y'): the label '2' is not one of [0, 1]", e.getMessage());
  }

  @Test
  void withoutATargetTheDataSetHasFeaturesOnly() throws IOException {
    Table t = TableTest.table("a\n1\n2\n");
    DataSet d = TableEncoder.builder().build().fit(t).encode(t);
    assertEquals(0, d.targetCount());
    assertEquals(2, d.size());
  }
}
