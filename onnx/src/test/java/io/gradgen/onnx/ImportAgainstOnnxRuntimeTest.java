package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.Precision;
import io.gradgen.io.WeightFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PyTorch fixture, at opsets 11 and 17, through {@code onnx import}: the written declaration
 * compiles with javac and gradgen's processor, the weight file loads into the generated model, and
 * its {@code predict} agrees with ONNX Runtime and with PyTorch's own numbers to 1e-5.
 */
class ImportAgainstOnnxRuntimeTest {
  static final double TOLERANCE = 1e-5;

  @TempDir static Path dir;
  static ClassLoader classes;
  static final Map<String, OnnxImport.Result> IMPORTS = new HashMap<>();

  @BeforeAll
  static void importAndCompileAll() throws Exception {
    for (String name : Fixtures.IMPORTABLE) {
      for (int opset : Fixtures.OPSETS) {
        String type = typeName(name, opset);
        IMPORTS.put(type, OnnxImport.run(Fixtures.onnx(name, opset), "imported", type, dir.resolve("src"),
            dir.resolve(type + ".ggw"), null, Precision.DOUBLE));
      }
    }
    OnnxImport.run(Fixtures.onnx("softmax-classifier", 17), "imported", "SoftmaxClassifierFloat", dir.resolve("src"),
        dir.resolve("SoftmaxClassifierFloat.ggw"), null, Precision.FLOAT);
    classes = Javac.compile(dir.resolve("src"), dir.resolve("classes"));
  }

  static String typeName(String fixture, int opset) {
    StringBuilder sb = new StringBuilder();
    for (String part : fixture.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.append("Opset").append(opset).toString();
  }

  static DifferentiableModel load(String type) throws Exception {
    DifferentiableModel model = (DifferentiableModel) classes.loadClass("imported." + type + "Model")
        .getConstructor().newInstance();
    WeightFile.load(dir.resolve(type + ".ggw"), model);
    return model;
  }

  /** What gradgen's model predicts, in the ONNX model's units (log-probabilities after LogSoftmax). */
  static double[] predict(DifferentiableModel model, boolean logSoftmax, double[] x) {
    double[] y = new double[model.outputCount()];
    model.predict(x, y);
    if (logSoftmax) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.log(y[i]);
      }
    }
    return y;
  }

  @Test
  void importedModelsPredictWhatOnnxRuntimeAndPyTorchPredict() throws Exception {
    Random random = new Random(17);
    int checked = 0;
    double[] worst = new double[2];
    for (String name : Fixtures.IMPORTABLE) {
      for (int opset : Fixtures.OPSETS) {
        String type = typeName(name, opset);
        ImportedNetwork network = IMPORTS.get(type).network();
        DifferentiableModel model = load(type);
        try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(Fixtures.onnx(name, opset)),
            network.inputShape())) {
          for (Fixtures.Sample s : Fixtures.reference(name)) {
            double[] y = predict(model, network.logSoftmax(), s.x());
            assertClose(s.y(), y, type + " against PyTorch");
            double[] o = ort.run(s.x());
            assertClose(o, y, type + " against ONNX Runtime");
            for (int i = 0; i < y.length; i++) {
              worst[0] = Math.max(worst[0], Math.abs(o[i] - y[i]));
              worst[1] = Math.max(worst[1], Math.abs(s.y()[i] - y[i]));
            }
            checked++;
          }
          for (int k = 0; k < 20; k++) {
            double[] x = new double[model.inputCount()];
            for (int i = 0; i < x.length; i++) {
              x[i] = (float) (3 * random.nextGaussian()); // ONNX Runtime reads float32 inputs
            }
            double[] o = ort.run(x);
            double[] y = predict(model, network.logSoftmax(), x);
            assertClose(o, y, type + " against ONNX Runtime");
            for (int i = 0; i < y.length; i++) {
              worst[0] = Math.max(worst[0], Math.abs(o[i] - y[i]));
            }
            checked++;
          }
        }
      }
    }
    assertEquals(Fixtures.IMPORTABLE.size() * Fixtures.OPSETS.size() * 26, checked);
    System.out.printf("imported PyTorch fixtures: %d samples checked, largest output difference from ONNX Runtime"
        + " %.2e, from PyTorch's numbers %.2e%n", checked, worst[0], worst[1]);
  }

  @Test
  void aFloatImportPredictsWhatOnnxRuntimePredicts() throws Exception {
    DifferentiableFloatModel model = (DifferentiableFloatModel) classes.loadClass("imported.SoftmaxClassifierFloatModel")
        .getConstructor().newInstance();
    double[] p = WeightFile.read(dir.resolve("SoftmaxClassifierFloat.ggw")).parameters();
    float[] f = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      f[i] = (float) p[i]; // exact: the ONNX parameters are float32
    }
    model.parameters().copyFrom(f);
    try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(
        Files.readAllBytes(Fixtures.onnx("softmax-classifier", 17)), 2, 3)) {
      for (Fixtures.Sample s : Fixtures.reference("softmax-classifier")) {
        float[] x = new float[s.x().length];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) s.x()[i];
        }
        float[] y = new float[4];
        model.predict(x, y);
        double[] yd = new double[4];
        for (int i = 0; i < 4; i++) {
          yd[i] = y[i];
        }
        assertClose(ort.run(s.x()), yd, "float import against ONNX Runtime");
      }
    }
  }

  @Test
  void layersAndParameterCountsAreThoseOfThePyTorchModules() {
    ImportedNetwork n = IMPORTS.get("TanhSigmoidMlpOpset17").network();
    // nn.Linear(5, 6), Tanh, nn.Linear(6, 4, bias=False), Sigmoid, nn.Linear(4, 2), Sigmoid
    assertEquals(5, n.inputs());
    assertEquals(List.of(6, 4, 2), n.layers().stream().map(ImportedNetwork.Layer::units).toList());
    assertEquals(5 * 6 + 6 + 6 * 4 + 4 * 2 + 2, n.parameters().length);
    assertEquals("NONE", n.layers().get(1).bias().name());
    ImportedNetwork flat = IMPORTS.get("SoftmaxClassifierOpset11").network();
    assertEquals(6, flat.inputs()); // Flatten of [2, 3]
    assertEquals(0.2f, (float) flat.layers().get(0).slope());
    assertTrue(IMPORTS.get("EluLogsoftmaxOpset17").network().logSoftmax());
  }

  @Test
  void importedModelsGradientsAgreeWithCentralDifferences() throws Exception {
    Random random = new Random(23);
    for (String type : IMPORTS.keySet()) {
      DifferentiableModel model = load(type);
      double[] x = new double[model.inputCount()];
      double[] t = new double[model.outputCount()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextGaussian();
      }
      t[random.nextInt(t.length)] = 1; // one-hot, a valid target for every declared loss
      double[] grad = new double[model.parameterCount()];
      model.gradient(x, t, grad);
      double[] p = model.parameters().toArray();
      for (int k = 0; k < p.length; k++) {
        double h = 1e-6 * Math.max(1, Math.abs(p[k]));
        double saved = p[k];
        model.parameters().set(k, saved + h);
        double up = model.loss(x, t);
        model.parameters().set(k, saved - h);
        double down = model.loss(x, t);
        model.parameters().set(k, saved);
        double numeric = (up - down) / (2 * h);
        double error = Math.abs(numeric - grad[k]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[k]));
        assertTrue(error < 1e-5, type + " " + model.parameterName(k) + ": backprop " + grad[k]
            + ", central difference " + numeric);
      }
    }
  }

  static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": output count");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = TOLERANCE * Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], tolerance, what + ": output " + i);
    }
  }
}
