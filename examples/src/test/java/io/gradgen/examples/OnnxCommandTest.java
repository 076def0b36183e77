package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.io.WeightFile;
import io.gradgen.onnx.OnnxModel;
import io.gradgen.onnx.OnnxReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onnx import} and {@code onnx export} on the command line (gradgen-onnx's tests check the numbers). */
class OnnxCommandTest {
  static final Path FIXTURES = Path.of("../onnx/src/test/resources/io/gradgen/onnx/fixtures");

  @TempDir Path dir;

  @Test
  void importWritesTheDeclarationAndTheWeights() throws Exception {
    CommandLineTest.Run r = CommandLineTest.run("onnx", "import", FIXTURES.resolve("blobs-opset17.onnx").toString(),
        "--package", "com.example", "--name", "Blobs", "--out", dir.toString());
    assertEquals(0, r.exit(), r.err());
    Path source = dir.resolve("com/example/Blobs.java");
    assertTrue(Files.readString(source).contains("public interface Blobs {}"), Files.readString(source));
    assertEquals(2 * 16 + 16 + 16 * 3 + 3, WeightFile.read(dir.resolve("Blobs.ggw")).parameters().length);
    assertTrue(r.out().contains("layer0 16 TANH, layer2 3 SOFTMAX; loss CATEGORICAL_CROSS_ENTROPY"), r.out());
  }

  @Test
  void anUnsupportedOpFailsWithTheNodeAndWritesNothing() {
    CommandLineTest.Run r = CommandLineTest.run("onnx", "import",
        FIXTURES.resolve("unsupported-gelu-opset17.onnx").toString(), "--name", "G", "--out", dir.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("node '/1/Div' (Div) is not an op gradgen imports"), r.err());
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void importOfAMissingFileSaysNoSuchFile() {
    Path missing = dir.resolve("no/such.onnx");
    CommandLineTest.Run r = CommandLineTest.run("onnx", "import", missing.toString(), "--name", "G", "--out",
        dir.toString());
    assertEquals(1, r.exit());
    assertEquals("import: no such file: " + missing, r.err().strip());
  }

  @Test
  void exportOfAMissingWeightFileSaysNoSuchFile() {
    Path missing = dir.resolve("missing.ggw");
    CommandLineTest.Run r = CommandLineTest.run("onnx", "export", "--weights", missing.toString(), "--out",
        dir.resolve("m.onnx").toString());
    assertEquals(1, r.exit());
    assertEquals("export: no such file: " + missing, r.err().strip());
  }

  @Test
  void aSlopeForALayerThatIsNotLeakyIsRefused() throws Exception {
    Path weights = dir.resolve("iris.ggw");
    assertEquals(0, CommandLineTest.run("train", "iris", "--save", weights.toString(), "--chart",
        dir.resolve("c.png").toString()).exit());
    CommandLineTest.Run r = CommandLineTest.run("onnx", "export", "--weights", weights.toString(), "--slope",
        "hiden=0.2", "--out", dir.resolve("iris.onnx").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("the model has no layer 'hiden'; the model has no LEAKY_RELU layer"), r.err());
    assertTrue(!Files.exists(dir.resolve("iris.onnx")), "nothing written");
  }

  /** What a user's build does: import, compile the declaration, then export the class from its directory. */
  @Test
  void exportLoadsTheModelClassFromTheClasspathOption() throws Exception {
    assertEquals(0, CommandLineTest.run("onnx", "import", FIXTURES.resolve("blobs-opset17.onnx").toString(),
        "--package", "com.example", "--name", "Blobs", "--out", dir.resolve("src").toString(), "--weights",
        dir.resolve("Blobs.ggw").toString()).exit());
    Path classes = dir.resolve("classes");
    compile(dir.resolve("src/com/example/Blobs.java"), classes);
    Path onnx = dir.resolve("blobs.onnx");

    CommandLineTest.Run without = CommandLineTest.run("onnx", "export", "--weights", dir.resolve("Blobs.ggw")
        .toString(), "--model", "com.example.BlobsModel", "--out", onnx.toString());
    assertEquals(1, without.exit());
    assertTrue(without.err().contains("model class com.example.BlobsModel is not on the class path; pass"
        + " --classpath"), without.err());

    CommandLineTest.Run r = CommandLineTest.run("onnx", "export", "--weights", dir.resolve("Blobs.ggw").toString(),
        "--model", "com.example.BlobsModel", "--classpath", dir.resolve("nothing-here.jar") + java.io.File.pathSeparator
        + classes, "--out", onnx.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("no such file: " + dir.resolve("nothing-here.jar") + " (in --classpath)"), r.err());

    r = CommandLineTest.run("onnx", "export", "--weights", dir.resolve("Blobs.ggw").toString(), "--model",
        "com.example.BlobsModel", "--classpath", classes.toString(), "--out", onnx.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("Gemm", "Tanh", "Gemm", "Softmax"),
        OnnxReader.read(onnx).graph().nodes().stream().map(OnnxModel.Node::opType).toList());
  }

  /** javac with gradgen's processor (on the test class path), outside the test's own class path. */
  static void compile(Path source, Path out) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(out);
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
          System.getProperty("java.class.path"), "-Agradgen.report=false"));
      assertTrue(javac.getTask(diagnostics, fm, null, options, null, fm.getJavaFileObjects(source)).call(),
          diagnostics::toString);
    }
  }

  @Test
  void exportWritesTheTrainedIrisNetwork() throws Exception {
    Path weights = dir.resolve("iris.ggw");
    assertEquals(0, CommandLineTest.run("train", "iris", "--save", weights.toString(), "--chart",
        dir.resolve("c.png").toString()).exit());
    Path onnx = dir.resolve("iris.onnx");
    CommandLineTest.Run r = CommandLineTest.run("onnx", "export", "--weights", weights.toString(), "--model",
        "io.gradgen.examples.IrisNetModel", "--out", onnx.toString());
    assertEquals(0, r.exit(), r.err());
    // Its standardization as Sub and Div, then each dense layer as a Gemm and its activation (ONNX
    // Runtime checks the numbers in gradgen-onnx's ExportAgainstOnnxRuntimeTest).
    OnnxModel model = OnnxReader.read(onnx);
    assertEquals(13, model.opset());
    assertEquals(List.of("Sub", "Div", "Gemm", "Tanh", "Gemm", "Softmax"),
        model.graph().nodes().stream().map(OnnxModel.Node::opType).toList());
    double[] expected = WeightFile.read(weights).parameters();
    double[] first = model.graph().initializers().get("hidden.weight").values();
    for (int i = 0; i < first.length; i++) {
      assertEquals((float) expected[i], first[i], 0.0, "hidden.w[" + i / 4 + "][" + i % 4 + "]");
    }
  }
}
