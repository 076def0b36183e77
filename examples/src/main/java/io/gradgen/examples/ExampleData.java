package io.gradgen.examples;

import io.gradgen.data.Csv;
import io.gradgen.data.DataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The examples' data: the line of docs/SEEDS.md §1, XOR, and the Iris, Wine and Digits data sets copied
 * into this module's resources ({@code data/README.md} credits the UCI Machine Learning Repository).
 */
public final class ExampleData {
  private ExampleData() {}

  /** docs/SEEDS.md §1: inputs 0, 1, 2, 3, 4 and desired outputs 0, 2, 4, 6, 8. */
  public static DataSet line() {
    return DataSet.of(
        new double[][] {{0}, {1}, {2}, {3}, {4}}, new double[][] {{0}, {2}, {4}, {6}, {8}});
  }

  /** The four rows of XOR, target 1 when exactly one input is 1. */
  public static DataSet xor() {
    return DataSet.of(
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
  }

  /** Iris: 150 rows of 4 features; the target is the class index 0..2. */
  public static DataSet iris() {
    return csv("iris.csv");
  }

  /** Wine: 178 rows of 13 features; the target is the class index 0..2. */
  public static DataSet wine() {
    return csv("wine_data.csv");
  }

  /** Digits: 1,797 images of 8×8 pixels (0..16) of handwritten digits; the target is the digit. */
  public static DataSet digits() {
    String resource = "/data/digits.csv.gz";
    try (InputStream in = ExampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Reader reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
      // No header: 64 pixels, then the digit.
      return Csv.builder().header(false).targetColumn(-1).build().read(reader, "digits.csv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static DataSet csv(String name) {
    String resource = "/data/" + name;
    try (InputStream in = ExampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      // The first line is scikit-learn's "rows,features,class names" header; the class is last.
      return Csv.builder().header(true).targetColumn(-1).build().read(reader, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
