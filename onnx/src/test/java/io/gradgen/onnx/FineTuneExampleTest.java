package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Precision;
import io.gradgen.data.Csv;
import io.gradgen.data.DataSet;
import io.gradgen.data.Split;
import io.gradgen.data.TableEncoder;
import io.gradgen.io.WeightFile;
import io.gradgen.onnx.golden.BlobNetModel;
import io.gradgen.train.Adam;
import io.gradgen.train.ConfusionMatrix;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, as the README's "Import and export ONNX" section tells it: a classifier
 * trained in PyTorch (make_fixtures.py: 2-16-3, tanh, softmax, on three blobs) is imported, predicts
 * what ONNX Runtime predicts, is fine-tuned with gradgen's trainer on data whose classes moved, and
 * is exported back to ONNX, which ONNX Runtime runs with the fine-tuned model's outputs.
 */
class FineTuneExampleTest {
  @Test
  void importFineTuneAndExportBack(@TempDir Path dir) throws Exception {
    Path weights = dir.resolve("BlobNet.ggw");
    OnnxImport.run(Fixtures.onnx("blobs", 17), "io.gradgen.onnx.golden", "BlobNet", dir, weights, null,
        Precision.DOUBLE);
    BlobNetModel model = new BlobNetModel();
    WeightFile.load(weights, model);

    try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(Fixtures.onnx("blobs", 17)), 2)) {
      for (Fixtures.Sample s : Fixtures.reference("blobs")) {
        double[] y = new double[3];
        model.predict(s.x(), y);
        ImportAgainstOnnxRuntimeTest.assertClose(s.y(), y, "imported blobs against PyTorch");
        ImportAgainstOnnxRuntimeTest.assertClose(ort.run(s.x()), y, "imported blobs against ONNX Runtime");
      }
    }

    DataSet trained = encode("blobs-train.csv");
    DataSet shifted = encode("blobs-shifted.csv");
    Split split = Split.stratified(shifted, 0.5, 0.0, 42);
    double onTraining = ConfusionMatrix.of(model, trained).accuracy();
    double before = ConfusionMatrix.of(model, split.test()).accuracy();
    Trainer.builder(new Adam(0.01)).miniBatch(16).seed(42).stopWhen(StopRule.maxEpochs(60)).build()
        .fit(model, split.train());
    double after = ConfusionMatrix.of(model, split.test()).accuracy();
    System.out.printf("blobs: PyTorch's training data %.3f; shifted test half %.3f before, %.3f after fine-tuning%n",
        onTraining, before, after);
    assertEquals(1.0, onTraining, 0.01, "PyTorch printed training accuracy 1.000");
    assertTrue(before < 0.85, "the moved classes fool the PyTorch model: " + before);
    assertTrue(after >= 0.95, "fine-tuning learns the moved classes: " + after);

    Path exported = dir.resolve("blobs-finetuned.onnx");
    OnnxExport.write(model, List.of(), exported, OnnxExport.Options.defaults());
    try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(exported), 2)) {
      for (int i = 0; i < split.test().size(); i++) {
        double[] x = split.test().features(i);
        double[] y = new double[3];
        model.predict(x, y);
        ImportAgainstOnnxRuntimeTest.assertClose(ort.run(x), y, "fine-tuned blobs, exported, in ONNX Runtime");
      }
    }

    // Imported again, the exported file gives back the fine-tuned parameters, rounded to float32.
    ImportedNetwork again = DenseImporter.read(OnnxReader.read(exported));
    double[] expected = model.parameters().toArray();
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (float) expected[i];
    }
    assertArrayEquals(expected, again.parameters());
  }

  private static DataSet encode(String csv) throws Exception {
    var table = Csv.builder().header(true).build().readTable(Fixtures.path(csv));
    return TableEncoder.builder().target("label").build().fit(table).encode(table);
  }
}
