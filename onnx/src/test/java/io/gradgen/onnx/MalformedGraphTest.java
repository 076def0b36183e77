package io.gradgen.onnx;

import static io.gradgen.onnx.OnnxModel.Attribute.ofInt;
import static io.gradgen.onnx.UnsupportedGraphTest.assertNames;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.onnx.OnnxModel.Attribute;
import io.gradgen.onnx.OnnxModel.Node;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A graph onnx.proto's operators do not allow (too few inputs, no output, a TENSOR attribute without
 * its tensor) is an {@link OnnxFormatException} naming the node, the op and what it takes; randomly
 * damaged files never fail with any other exception.
 */
class MalformedGraphTest {
  static String malformed(OnnxModel model) {
    return assertThrows(OnnxFormatException.class, () -> DenseImporter.read(model)).getMessage();
  }

  @Test
  void aGemmWithOneInputNamesTheNodeAndTheCount() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(), ofInt("transB", 1));
    assertNames(malformed(g.build(2)), "node 'g' (Gemm)", "has 1 input [x]", "Gemm takes 2 to 3");
  }

  @Test
  void aMatMulWithOneInputNamesTheNodeAndTheCount() {
    Graphs g = new Graphs(13, 3);
    g.then("MatMul", "mm");
    assertNames(malformed(g.build(2)), "node 'mm' (MatMul)", "has 1 input [x]", "MatMul takes exactly 2");
  }

  @Test
  void aReshapeWithoutItsShapeNamesTheNodeAndTheCount() {
    Graphs g = new Graphs(13, 2, 2);
    g.then("Reshape", "r");
    assertNames(malformed(g.build(4)), "node 'r' (Reshape)", "has 1 input [x]", "Reshape takes exactly 2");
  }

  @Test
  void aConstantWithoutAnOutputNamesTheNode() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 2, 3)), ofInt("transB", 1));
    OnnxModel m = g.build(2);
    List<Node> nodes = new ArrayList<>(m.graph().nodes());
    nodes.add(0, new Node("c", "Constant", "", List.of(), List.of(),
        Map.of("value", Attribute.ofTensor("value", OnnxModel.Tensor.ofInts("s", new long[] {1}, 1)))));
    assertNames(malformed(withNodes(m, nodes)), "node 'c' (Constant)", "has 0 outputs", "Constant takes exactly 1");
  }

  @Test
  void aTensorAttributeWithoutItsTensorNamesTheNode() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 2, 3)), ofInt("transB", 1));
    OnnxModel m = g.build(2);
    List<Node> nodes = new ArrayList<>(m.graph().nodes());
    nodes.add(0, new Node("c", "Constant", "", List.of(), List.of("s"), Map.of("value",
        new Attribute("value", Attribute.TENSOR, 0, 0, "", new float[0], new long[0], null))));
    assertNames(malformed(withNodes(m, nodes)), "node 'c' (Constant)", "TENSOR attribute 'value' without a tensor");
  }

  @Test
  void aWeightWithNoUnitsIsRefused() {
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", 3, 0)), ofInt("transB", 0));
    String m = assertThrows(UnsupportedOnnxException.class, () -> DenseImporter.read(g.build(0))).getMessage();
    assertNames(m, "node 'g' (Gemm)", "weight of shape [3, 0]");
  }

  @Test
  void aWeightDimensionBeyondAnIntIsNotCutToAnInt() {
    // 2^32 + 3 rows of no columns: cast to int, the rows would be 3, the input count
    Graphs g = new Graphs(13, 3);
    g.then("Gemm", "g", List.of(g.weights("W", (1L << 32) + 3, 0)), ofInt("transB", 0));
    String m = assertThrows(UnsupportedOnnxException.class, () -> DenseImporter.read(g.build(0))).getMessage();
    assertNames(m, "node 'g' (Gemm)", "weight of shape [4294967299, 0]");
  }

  static OnnxModel withNodes(OnnxModel m, List<Node> nodes) {
    OnnxModel.Graph g = m.graph();
    return new OnnxModel(m.irVersion(), m.opsets(), m.producer(),
        new OnnxModel.Graph(g.name(), nodes, g.initializers(), g.inputs(), g.outputs()));
  }

  /**
   * Seeded byte mutations of PyTorch's files (Gemm, MatMul + Add, Reshape of a Constant shape,
   * Softmax): each is read, imported and laid out, or refused with one of the two exceptions.
   */
  @Test
  void damagedFilesFailOnlyWithOnnxExceptions() throws Exception {
    List<String> others = new ArrayList<>();
    int imported = 0;
    int refusedByImporter = 0;
    for (String fixture : List.of("softmax-classifier", "matmul-add", "reshape-sigmoid")) {
      byte[] original = Files.readAllBytes(Fixtures.onnx(fixture, 17));
      Random random = new Random(fixture.hashCode());
      for (int run = 0; run < 1500; run++) {
        byte[] b = original.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(b.length);
          b[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (b[at] ^ (1 << random.nextInt(8)));
        }
        OnnxModel model = null;
        try {
          model = OnnxReader.read(b);
          ImportedNetwork n = DenseImporter.read(model);
          n.layout(n.defaultLoss());
          imported++;
        } catch (OnnxFormatException | UnsupportedOnnxException e) {
          refusedByImporter += model == null ? 0 : 1;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          others.add(fixture + " run " + run + ": " + e);
        }
      }
    }
    assertTrue(others.isEmpty(), others.size() + " failures with other exceptions, e.g. "
        + others.subList(0, Math.min(10, others.size())));
    // the mutations reach the importer, not only the wire reader
    assertTrue(imported > 100 && refusedByImporter > 100, imported + " imported, " + refusedByImporter
        + " read and refused by the importer");
  }
}
