package io.gradgen.onnx;

import static io.gradgen.onnx.OnnxModel.Attribute.ofFloat;
import static io.gradgen.onnx.OnnxModel.Attribute.ofInt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Bias;
import io.gradgen.DifferentiableModel;
import io.gradgen.Precision;
import io.gradgen.io.WeightFile;
import io.gradgen.onnx.OnnxModel.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops and attributes that PyTorch's exporter strips or never writes (Identity, Dropout in both
 * its opset-11 and opset-12+ forms, a Constant node's shape, Gemm with transB = 0, alpha and beta, a
 * bias added before the product, a shared bias, a Gemm without C followed by a bias Add, LeakyRelu
 * and Elu, LogSoftmax by its opset-13 default axis, the newest opset read, 21): hand-built graphs,
 * imported, compiled, against ONNX Runtime.
 */
class GraphCoverageTest {
  @TempDir static Path dir;
  static final Map<String, OnnxModel> GRAPHS = new LinkedHashMap<>();
  static final Map<String, ImportedNetwork> NETWORKS = new LinkedHashMap<>();
  static ClassLoader classes;

  @BeforeAll
  static void importAndCompile() throws Exception {
    Graphs a = new Graphs(11, 3);
    a.then("Identity", "id0").then("Gemm", "gemm1", List.of(a.weights("W1", 3, 4), a.weights("b1", 4)),
            ofInt("transB", 0), ofFloat("alpha", 0.5f), ofFloat("beta", 2f))
        .then("Dropout", "drop", List.of(), ofFloat("ratio", 0.5f)).then("Relu", "relu")
        .then("Gemm", "gemm2", List.of(a.weights("W2", 2, 4)), ofInt("transB", 1)).then("Identity", "id1");
    GRAPHS.put("IdentityDropout11", a.build(2));

    Graphs b = new Graphs(13, 2, 2);
    b.constantNode("shape", Tensor.ofInts("shape", new long[] {-1, 4}, 2)).then("Reshape", "flat", "shape")
        .then("MatMul", "mm", b.weights("W", 4, 3));
    b.node("Add", "bias", List.of(b.weights("b", 3), b.data()))
        .then("Dropout", "drop", b.scalar("ratio", 0.25), b.boolFalse("training"))
        .then("Sigmoid", "sig").then("Gemm", "out", List.of(b.weights("W2", 1, 3), b.weights("b2", 1)),
            ofInt("transB", 1));
    GRAPHS.put("ReshapeMatMulDropout13", b.build(1));

    Graphs c = new Graphs(17, 3);
    c.then("Gemm", "g1", List.of(c.weights("W1", 4, 3), c.weights("shared", 1)), ofInt("transB", 1))
        .then("Elu", "elu", List.of(), ofFloat("alpha", 1f))
        .then("Gemm", "g2", List.of(c.weights("W2", 2, 4), c.weights("b2", 2)), ofInt("transB", 1))
        .then("LeakyRelu", "leaky", List.of(), ofFloat("alpha", 0.3f));
    GRAPHS.put("SharedBiasElu17", c.build(2));

    Graphs d = new Graphs(13, 5);
    d.then("Gemm", "g", List.of(d.weights("W", 3, 5), d.weights("b", 3)), ofInt("transB", 1))
        .then("LogSoftmax", "logp");
    GRAPHS.put("LogSoftmax13", d.build(3));

    Graphs f = new Graphs(21, 2, 2);
    f.then("Flatten", "flat").then("Gemm", "g1", List.of(f.weights("W1", 5, 4), f.weights("b1", 5)), ofInt("transB", 1))
        .then("Relu", "relu").then("MatMul", "mm", f.weights("W2", 5, 3)).then("Add", "b", f.weights("b2", 3))
        .then("Softmax", "p");
    GRAPHS.put("FlattenSoftmax21", f.build(3));

    Graphs h = new Graphs(13, 3);
    h.then("Gemm", "g", List.of(h.weights("W", 4, 3)), ofInt("transB", 1), ofFloat("alpha", 0.5f))
        .then("Add", "bias", h.weights("b", 4)).then("Tanh", "t");
    GRAPHS.put("GemmWithoutCThenAdd13", h.build(4));

    for (Map.Entry<String, OnnxModel> e : GRAPHS.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".onnx");
      Files.write(file, OnnxWriter.write(e.getValue()));
      NETWORKS.put(e.getKey(), OnnxImport.run(file, "graphs", e.getKey(), dir.resolve("src"),
          dir.resolve(e.getKey() + ".ggw"), null, Precision.DOUBLE).network());
    }
    classes = Javac.compile(dir.resolve("src"), dir.resolve("classes"));
  }

  @Test
  void handBuiltGraphsPredictWhatOnnxRuntimePredicts() throws Exception {
    Random random = new Random(5);
    for (String name : GRAPHS.keySet()) {
      DifferentiableModel model = (DifferentiableModel) classes.loadClass("graphs." + name + "Model")
          .getConstructor().newInstance();
      WeightFile.load(dir.resolve(name + ".ggw"), model);
      ImportedNetwork network = NETWORKS.get(name);
      try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(OnnxWriter.write(GRAPHS.get(name)), network.inputShape())) {
        for (int k = 0; k < 25; k++) {
          double[] x = new double[model.inputCount()];
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextGaussian());
          }
          ImportAgainstOnnxRuntimeTest.assertClose(ort.run(x),
              ImportAgainstOnnxRuntimeTest.predict(model, network.logSoftmax(), x), name);
        }
      }
    }
  }

  @Test
  void biasShapesAndSlopesAreReadFromTheGraph() {
    assertEquals(Bias.NONE, NETWORKS.get("IdentityDropout11").layers().get(1).bias());
    assertEquals(Bias.SHARED, NETWORKS.get("SharedBiasElu17").layers().get(0).bias());
    assertEquals(Bias.PER_NEURON, NETWORKS.get("ReshapeMatMulDropout13").layers().get(1).bias());
    assertEquals(Bias.PER_NEURON, NETWORKS.get("GemmWithoutCThenAdd13").layers().get(0).bias());
    assertEquals(0.3f, (float) NETWORKS.get("SharedBiasElu17").layers().get(1).slope());
    assertEquals(4, NETWORKS.get("ReshapeMatMulDropout13").inputs());
  }
}
