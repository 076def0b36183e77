package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.data.MinMaxNormalizer;
import io.gradgen.data.Standardizer;
import io.gradgen.data.Whitening;
import io.gradgen.io.WeightFile;
import io.gradgen.onnx.nets.AllActivationsNetModel;
import io.gradgen.onnx.nets.CustomNetModel;
import io.gradgen.onnx.nets.FloatNetModel;
import io.gradgen.onnx.nets.RegressionNetModel;
import io.gradgen.train.Initializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported gradgen models run in ONNX Runtime with gradgen's outputs (to 1e-5): every built-in
 * activation and bias shape at opsets 11, 13, 17 and 21, a float model, and preprocessing and
 * target scaling as ops; what ONNX cannot state is refused by name.
 */
class ExportAgainstOnnxRuntimeTest {
  static final Map<String, Double> SLOPES = Map.of("leaky", 0.2);

  static double[] input(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * random.nextGaussian()); // what ONNX Runtime reads is float32
    }
    return x;
  }

  @Test
  void everyActivationAndBiasShapeAtEveryOpset() throws Exception {
    AllActivationsNetModel model = new AllActivationsNetModel();
    Initializer.xavier().initialize(model, 7);
    Random random = new Random(3);
    for (long opset : new long[] {11, 13, 17, 21}) {
      byte[] bytes = OnnxWriter.write(OnnxExport.toOnnx(model.layout(), model.parameters().toArray(), List.of(),
          List.of(), new OnnxExport.Options(opset, SLOPES)));
      try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(bytes, 3)) {
        for (int k = 0; k < 30; k++) {
          double[] x = input(random, 3);
          double[] y = new double[3];
          model.predict(x, y);
          ImportAgainstOnnxRuntimeTest.assertClose(ort.run(x), y, "all activations at opset " + opset);
        }
      }
    }
  }

  @Test
  void aFloatModelExports(@TempDir Path dir) throws Exception {
    FloatNetModel model = new FloatNetModel();
    float[] p = new float[model.parameterCount()];
    Random random = new Random(9);
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) random.nextGaussian();
    }
    model.parameters().copyFrom(p);
    Path file = dir.resolve("float.onnx");
    OnnxExport.write(model, List.of(), file, OnnxExport.Options.defaults());
    try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(file), 3)) {
      for (int k = 0; k < 20; k++) {
        double[] x = input(random, 3);
        float[] xf = new float[3];
        for (int i = 0; i < 3; i++) {
          xf[i] = (float) x[i];
        }
        float[] y = new float[2];
        model.predict(xf, y);
        ImportAgainstOnnxRuntimeTest.assertClose(ort.run(x), new double[] {y[0], y[1]}, "float model");
      }
    }
  }

  @Test
  void aWeightFilesPreprocessingAndTargetScalingBecomeOps(@TempDir Path dir) throws Exception {
    Random random = new Random(4);
    double[][] features = new double[50][];
    double[][] targets = new double[50][];
    for (int i = 0; i < 50; i++) {
      features[i] = new double[] {10 + 3 * random.nextGaussian(), -5 + random.nextGaussian(), random.nextDouble(),
          100 * random.nextDouble()};
      targets[i] = new double[] {1000 + 50 * random.nextGaussian(), random.nextGaussian()};
    }
    DataSet data = DataSet.of(features, targets);
    Standardizer standardize = Standardizer.fit(data);
    MinMaxNormalizer minMax = MinMaxNormalizer.fit(standardize.transform(data));
    Standardizer targetScale = Standardizer.fitTargets(data);
    RegressionNetModel model = new RegressionNetModel();
    Initializer.xavier().initialize(model, 1);
    Path weights = dir.resolve("regression.ggw");
    WeightFile.save(weights, model, List.of(standardize, minMax), List.of(targetScale), List.of());
    Path file = dir.resolve("regression.onnx");
    OnnxExport.write(RegressionNetModel.class, weights, file, OnnxExport.Options.defaults());

    WeightFile.Contents contents = WeightFile.loadContents(weights, model);
    try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(file), 4)) {
      for (double[] row : features) {
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
          x[i] = (float) row[i];
        }
        double[] y = new double[2];
        model.predict(contents.transformInputs(x), y);
        ImportAgainstOnnxRuntimeTest.assertClose(ort.run(x), contents.inverseTargets(y),
            "regression with preprocessing, in the file's units");
      }
    }
  }

  @Test
  void exportingThenImportingGivesTheParametersBack() {
    RegressionNetModel regression = new RegressionNetModel();
    Initializer.xavier().initialize(regression, 2);
    double[] p = regression.parameters().toArray();
    ImportedNetwork back = DenseImporter.read(OnnxReader.read(OnnxWriter.write(OnnxExport.toOnnx(
        regression.layout(), p, List.of(), List.of(), OnnxExport.Options.defaults()))));
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) p[i];
    }
    assertArrayEquals(p, back.parameters());
  }

  @Test
  void whatOnnxCannotStateIsRefusedByName(@TempDir Path dir) {
    String custom = assertThrows(UnsupportedOnnxException.class, () -> OnnxExport.write(new CustomNetModel(),
        List.of(), dir.resolve("c.onnx"), OnnxExport.Options.defaults())).getMessage();
    assertTrue(custom.contains("layer 'hidden' has a CUSTOM activation"), custom);

    AllActivationsNetModel model = new AllActivationsNetModel();
    String slope = assertThrows(UnsupportedOnnxException.class, () -> OnnxExport.write(model, List.of(),
        dir.resolve("a.onnx"), OnnxExport.Options.defaults())).getMessage();
    assertTrue(slope.contains("layer 'leaky' is LEAKY_RELU") && slope.contains("--slope leaky=0.01"), slope);

    DataSet data = DataSet.of(new double[][] {{1, 2, 0}, {2, 1, 1}, {0, 0, 3}, {3, 1, 1}},
        new double[][] {{1}, {0}, {1}, {0}});
    String whitening = assertThrows(UnsupportedOnnxException.class, () -> OnnxExport.write(model,
        List.of(Whitening.pca(data)), dir.resolve("w.onnx"), new OnnxExport.Options(13, SLOPES))).getMessage();
    assertTrue(whitening.contains("preprocessor 'whitening-pca' has no ONNX export"), whitening);
    assertTrue(dir.toFile().list().length == 0, "nothing written");
  }
}
