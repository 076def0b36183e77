package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.gradgen.data.DataSet;
import io.gradgen.io.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-csv: any CSV with named, partly textual columns, trained, evaluated, saved and loaded back. */
class TrainCsvCommandTest {
  @TempDir Path dir;

  private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

  /** Iris with an ID, a free-text note holding commas and quotes, text species, and two missing values. */
  private Path irisCsv() throws IOException {
    DataSet iris = ExampleData.iris();
    StringBuilder csv = new StringBuilder("id,sepal length,sepal width,petal length,petal width,note,species\r\n");
    for (int i = 0; i < iris.size(); i++) {
      csv.append(i + 1);
      for (int j = 0; j < 4; j++) {
        csv.append(',').append(i == 10 && j == 1 || i == 70 && j == 3 ? "" : Double.toString(iris.feature(i, j)));
      }
      csv.append(",\"flower ").append(i).append(", said \"\"nice\"\"\",").append(SPECIES[(int) iris.target(i, 0)]).append("\r\n");
    }
    Path file = dir.resolve("flowers.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void aCsvOfTextLabelsTrainsEvaluatesAndSavesAModelThatLoadsWithItsLabels() throws IOException {
    Path model = dir.resolve("flowers.ggw");
    CommandLineTest.Run r =
        CommandLineTest.run("train-csv", irisCsv().toString(), "--target", "species", "--ignore", "id,note",
            "--layers", "16,8", "--activation", "tanh", "--missing", "mean", "--folds", "3", "--json",
            "--chart", dir.resolve("c.png").toString(), "--save", model.toString());
    assertEquals(0, r.exit(), r.err());
    JsonObject m = CommandLineTest.lastLineJson(r.out());
    assertTrue(m.get("test_accuracy").getAsDouble() >= 0.9, r.out());
    assertTrue(m.get("macro_f1").getAsDouble() >= 0.9, r.out());
    assertTrue(m.get("cv_accuracy_mean").getAsDouble() >= 0.85, r.out());
    assertTrue(m.has("cv_accuracy_sd"), r.out());
    assertTrue(r.out().contains("features: sepal length, sepal width, petal length, petal width"), r.out());
    assertTrue(r.out().contains("total parameters: 243"), "4·16+16 + 16·8+8 + 8·3+3 = 243: " + r.out());
    assertTrue(r.out().contains("3-fold cross-validation (stratified):"), r.out());

    WeightFile.Contents saved = WeightFile.read(model);
    RuntimeDenseModel loaded = RuntimeDenseModel.fromFingerprint(saved.fingerprint());
    WeightFile.Contents contents = WeightFile.loadContents(model, loaded);
    assertEquals(List.of("setosa", "versicolor", "virginica"), contents.labels());
    double[] p = new double[3];
    loaded.predict(contents.transformInputs(new double[] {6.9, 3.1, 5.4, 2.1}), p);
    assertEquals("virginica", contents.labels().get(io.gradgen.data.OneHot.argmax(p)));
  }

  @Test
  void aTextColumnLeftAmongTheFeaturesIsNamed() throws IOException {
    CommandLineTest.Run r =
        CommandLineTest.run("train-csv", irisCsv().toString(), "--target", "species", "--missing", "mean",
            "--chart", dir.resolve("c.png").toString(), "--save", dir.resolve("m.ggw").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().matches("(?s)train-csv: flowers.csv:\\d+, column 'note' holds text \\('flower \\d+, said \"nice\"'\\),"
        + " not numbers; drop it from the features \\(--ignore note\\) or make it the target\\s*"), r.err());
  }

  @Test
  void aMissingValueIsAnErrorNamingLineAndColumnUnlessAFillRuleIsChosen() throws IOException {
    CommandLineTest.Run r =
        CommandLineTest.run("train-csv", irisCsv().toString(), "--target", "species", "--ignore", "id,note",
            "--chart", dir.resolve("c.png").toString(), "--save", dir.resolve("m.ggw").toString());
    assertEquals(1, r.exit());
    // The first missing value among the training rows: line 12's sepal width or line 72's petal width.
    assertTrue(r.err().matches("(?s)train-csv: flowers.csv:(12, column 3 \\('sepal width'\\)|72, column 5 \\('petal width'\\)):"
        + " missing value; fill missing values with --missing mean or most-frequent, or remove the row\\s*"), r.err());
  }

  /** y = 3a − 2b + 1 over 300 rows: the scaled targets are learned and R² is measured in the file's units. */
  @Test
  void aNumericTargetIsRegressionWithR2RmseAndMae() throws IOException {
    StringBuilder csv = new StringBuilder("a;b;y\n");
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 300; i++) {
      double a = random.nextDouble(-2, 2);
      double b = random.nextDouble(-2, 2);
      csv.append(String.format(Locale.ROOT, "%.4f;%.4f;%.4f%n", a, b, 100 + 30 * a - 20 * b));
    }
    Path file = dir.resolve("line.csv.gz");
    try (var w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)), "UTF-8")) {
      w.write(csv.toString());
    }
    Path model = dir.resolve("line.ggw");
    CommandLineTest.Run r =
        CommandLineTest.run("train-csv", file.toString(), "--target", "y", "--separator", ";", "--layers", "8",
            "--json", "--chart", dir.resolve("c.png").toString(), "--save", model.toString());
    assertEquals(0, r.exit(), r.err());
    JsonObject m = CommandLineTest.lastLineJson(r.out());
    assertTrue(m.get("r2").getAsDouble() > 0.99, r.out());
    assertTrue(m.get("rmse").getAsDouble() < 3, "in the target's units (a spread of about 40): " + r.out());
    assertTrue(m.has("mae"));
    WeightFile.Contents saved = WeightFile.read(model);
    RuntimeDenseModel loaded = RuntimeDenseModel.fromFingerprint(saved.fingerprint());
    WeightFile.Contents contents = WeightFile.loadContents(model, loaded);
    double[] y = new double[1];
    loaded.predict(contents.transformInputs(new double[] {1, 1}), y);
    assertEquals(110, contents.inverseTargets(y)[0], 3, "3·… : 100 + 30 − 20 back in the file's units");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, CommandLineTest.run("train-csv", "x.csv").exit(), "--target is required");
    CommandLineTest.Run r = CommandLineTest.run("train-csv", "x.csv", "--target", "y", "--activation", "swish");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown activation 'swish' (expected tanh, sigmoid, relu or identity)"), r.err());
  }
}
