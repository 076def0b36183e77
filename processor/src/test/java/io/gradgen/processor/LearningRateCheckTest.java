package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A NaN or infinite learning rate would turn every weight into NaN in one step: the generated
 * {@code trainStep} refuses it by name, as the optimizers do, and leaves the weights untouched.
 */
class LearningRateCheckTest {
  private static final List<String[]> VARIANTS = List.of(
      new String[] {"LinesD", "STRAIGHT_LINE", "DOUBLE"}, new String[] {"LinesF", "STRAIGHT_LINE", "FLOAT"},
      new String[] {"LoopsD", "LOOPS", "DOUBLE"}, new String[] {"LoopsF", "LOOPS", "FLOAT"});

  private static CompiledModels compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String[] v : VARIANTS) {
      sources.add(JavaFileObjects.forSourceLines("rate." + v[0], "package rate;", "import io.gradgen.*;",
          "@Network(inputs = 2, layers = {@Dense(name = \"h\", units = 3, activation = Activation.TANH),",
          "    @Dense(name = \"o\", units = 1)}, loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape." + v[1]
              + ", precision = Precision." + v[2] + ")",
          "public interface " + v[0] + " {}"));
    }
    return CompiledModels.compile(sources);
  }

  private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  @Test
  void aNonFiniteLearningRateIsRefusedAndTheWeightsStay() {
    CompiledModels compiled = compile();
    for (String[] v : VARIANTS) {
      if (v[2].equals("DOUBLE")) {
        DifferentiableModel model = compiled.model("rate." + v[0] + "Model");
        double[] before = model.parameters().toArray();
        for (double rate : BAD) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> model.trainStep(new double[4], 0, new double[2], 0, 2, rate), v[0]);
          assertEquals("learningRate must be finite, but is " + rate, e.getMessage());
          if (v[1].equals("STRAIGHT_LINE")) {
            assertThrows(IllegalArgumentException.class, () -> model.trainStep(new double[2], new double[1], rate), v[0]);
          }
        }
        assertArrayEquals(before, model.parameters().toArray(), 0.0);
      } else {
        DifferentiableFloatModel model = compiled.floatModel("rate." + v[0] + "Model");
        float[] before = model.parameters().toArray();
        for (double rate : BAD) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> model.trainStep(new float[4], 0, new float[2], 0, 2, (float) rate), v[0]);
          assertEquals("learningRate must be finite, but is " + (float) rate, e.getMessage());
          if (v[1].equals("STRAIGHT_LINE")) {
            assertThrows(IllegalArgumentException.class, () -> model.trainStep(new float[2], new float[1], (float) rate), v[0]);
          }
        }
        assertArrayEquals(before, model.parameters().toArray(), 0.0f);
      }
    }
  }
}
