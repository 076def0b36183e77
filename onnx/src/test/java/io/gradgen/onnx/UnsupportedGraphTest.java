package io.gradgen.onnx;

import static io.gradgen.onnx.OnnxModel.Attribute.ofFloat;
import static io.gradgen.onnx.OnnxModel.Attribute.ofInt;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Precision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What gradgen cannot compute exactly is an error naming the node, the op (or attribute) and what
 * is supported — never an approximation — and nothing is written.
 */
class UnsupportedGraphTest {
  static String refused(OnnxModel model) {
    return assertThrows(UnsupportedOnnxException.class, () -> DenseImporter.read(model)).getMessage();
  }

  static void assertNames(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
    }
  }

  @Test
  void pyTorchsExactGeluIsRefusedAtItsFirstOp(@TempDir Path dir) {
    String m = assertThrows(UnsupportedOnnxException.class, () -> OnnxImport.run(
        Fixtures.onnx("unsupported-gelu", 17), "p", "Gelu", dir, dir.resolve("g.ggw"), null, Precision.DOUBLE))
        .getMessage();
    // torch 1.13 writes GELU as x·½·(1 + erf(x/√2)): Div first
    assertNames(m, "node '/1/Div' (Div)", "is not an op gradgen imports", "gradgen imports: Gemm, MatMul");
    assertTrue(dir.toFile().list().length == 0, "nothing written");
  }

  @Test
  void aSoftmaxOverTheBatchIsRefused() throws Exception {
    assertNames(refused(OnnxReader.read(Fixtures.onnx("softmax-axis0", 17))), "(Softmax)", "has axis = 0");
  }

  @Test
  void convolutionIsLeftToTheBeyondDenseLayersWork() {
    Graphs g = new Graphs(13, 1, 4, 4);
    g.then("Conv", "conv1", g.weights("k", 2, 1, 3, 3));
    assertNames(refused(g.build(2)), "node 'conv1' (Conv)", "beyond dense layers");
  }

  @Test
  void aResidualAddIsRefused() {
    Graphs g = new Graphs(13, 3);
    String x = g.data();
    g.then("Gemm", "g", List.of(g.weights("W", 3, 3)), ofInt("transB", 1));
    g.node("Add", "skip", List.of(g.data(), x));
    assertNames(refused(g.build(3)), "node 'skip' (Add)", "residual");
  }

  @Test
  void gemmWithTransposedDataIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 2)), ofInt("transA", 1));
    assertNames(refused(g.build(2)), "node 'g' (Gemm)", "transA = 1");
  }

  @Test
  void anAttributeGradgenDoesNotReadIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 2)), ofInt("transB", 0), ofInt("bogus", 1));
    assertNames(refused(g.build(2)), "node 'g' (Gemm)", "attribute 'bogus'", "alpha, beta, transA, transB");
  }

  @Test
  void anEluOfAnotherAlphaIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 2)), ofInt("transB", 0))
        .then("Elu", "e", List.of(), ofFloat("alpha", 0.5f));
    assertNames(refused(g.build(2)), "node 'e' (Elu)", "alpha = 0.5", "alpha 1");
  }

  @Test
  void aSoftmaxBetweenLayersIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 3)), ofInt("transB", 0)).then("Softmax", "s", List.of(),
        ofInt("axis", 1)).then("Gemm", "g2", List.of(g.weights("W2", 3, 2)), ofInt("transB", 0));
    assertNames(refused(g.build(2)), "node 'g2' (Gemm)", "follows a softmax");
  }

  @Test
  void twoActivationsInARowAreRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 2)), ofInt("transB", 0)).then("Relu", "r").then("Tanh", "t");
    assertNames(refused(g.build(2)), "node 't' (Tanh)", "follows another activation");
  }

  @Test
  void opsetsOutsideElevenToTwentyOneAreRefused() {
    for (long opset : new long[] {10, 22}) {
      Graphs g = new Graphs(opset, 3);
      g.then("Gemm", "g", List.of(g.weights("W", 3, 2)), ofInt("transB", 0));
      assertNames(refused(g.build(2)), "operator set " + opset, "reads 11 to 21");
    }
  }

  @Test
  void theDataAsTheSecondOperandOfAProductIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.node("MatMul", "mm", List.of(g.weights("W", 2, 3), g.data()));
    assertNames(refused(g.build(2)), "node 'mm' (MatMul)", "as its first input");
  }

  @Test
  void aComputedReshapeIsRefused() {
    Graphs g = new Graphs(13, 2, 2);
    g.then("Reshape", "r", "notConstant");
    assertNames(refused(g.build(4)), "node 'r' (Reshape)", "constant shape");
  }

  @Test
  void aReshapeThatMixesTheBatchIsRefused() {
    Graphs g = new Graphs(13, 2, 2);
    g.then("Reshape", "r", g.ints("shape", 2, -1));
    assertNames(refused(g.build(4)), "node 'r' (Reshape)", "reshapes to [2, -1]");
  }
}
