package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.Goldens;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source of two declarations, checked in as golden files a reader can open: the
 * SEEDS.md §3 network and a deeper tanh/relu/softmax classifier, the latter also as loops, in
 * double and in float.
 */
class GoldenSourceTest {

  private static JavaFileObject declaration(String name, String qualifiedName) {
    return JavaFileObjects.forSourceString(qualifiedName, Goldens.resource("declarations/" + name));
  }

  @Test
  void seedNetwork() {
    CompiledModels compiled =
        CompiledModels.compile(List.of(declaration("SeedNet.java", "seed.SeedNet")));
    Goldens.assertMatches(getClass(), "SeedNetModel.java", compiled.source("seed/SeedNetModel.java"));
  }

  @Test
  void deeperNetwork() {
    CompiledModels compiled =
        CompiledModels.compile(List.of(declaration("DeepNet.java", "deep.DeepNet")));
    Goldens.assertMatches(getClass(), "DeepNetModel.java", compiled.source("deep/DeepNetModel.java"));
  }

  /**
   * The deeper network generated as loops (the form large networks get), with 6 inputs and its
   * first layer widened to 20 units: wider than {@code Schedule.FEW_UNITS}, it gets the
   * vectorized loops over its units; the two narrow layers keep theirs in locals.
   */
  @Test
  void deeperNetworkAsLoops() {
    String source = wideFirstLayer()
        .replace("loss = Loss.CATEGORICAL_CROSS_ENTROPY)", "loss = Loss.CATEGORICAL_CROSS_ENTROPY,\n    code = io.gradgen.CodeShape.LOOPS)");
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceString("deep.DeepNet", source)));
    Goldens.assertMatches(getClass(), "DeepNetModelLoops.java", compiled.source("deep/DeepNetModel.java"));
  }

  /** The same network as float loops: the loop form in {@code float}, over {@code FloatParameters}. */
  @Test
  void deeperNetworkAsFloatLoops() {
    String source = wideFirstLayer()
        .replace("loss = Loss.CATEGORICAL_CROSS_ENTROPY)", "loss = Loss.CATEGORICAL_CROSS_ENTROPY,\n    code = io.gradgen.CodeShape.LOOPS,"
            + "\n    precision = io.gradgen.Precision.FLOAT)");
    CompiledModels compiled = CompiledModels.compile(List.of(JavaFileObjects.forSourceString("deep.DeepNet", source)));
    Goldens.assertMatches(getClass(), "DeepNetModelFloatLoops.java", compiled.source("deep/DeepNetModel.java"));
  }

  /** DeepNet with 6 inputs and a first layer of 20 units: 4 columns per pass, then 2 one by one. */
  private static String wideFirstLayer() {
    return Goldens.resource("declarations/DeepNet.java")
        .replace("inputs = 3,", "inputs = 6,")
        .replace("@Dense(name = \"features\", units = 3,", "@Dense(name = \"features\", units = 20,");
  }

  @Test
  void outputIsByteIdenticalAcrossBuilds() {
    String first = CompiledModels.compile(List.of(declaration("DeepNet.java", "deep.DeepNet")))
        .source("deep/DeepNetModel.java");
    String second = CompiledModels.compile(List.of(declaration("DeepNet.java", "deep.DeepNet")))
        .source("deep/DeepNetModel.java");
    assertEquals(first, second);
  }
}
