package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A wide layer's batch forward pass (more than 16 units) runs row by row with the single-sample
 * pass's loop over the units: the same sums in the same order, so a network of wide layers predicts
 * in a batch exactly what it predicts one sample at a time, to the bit, in both precisions, across a
 * chunk boundary (64 rows). (A narrow layer's batch loop runs over the rows and may differ in the last bit.)
 */
class BatchForwardRowByRowTest {
  private static final CompiledModels COMPILED = CompiledModels.compile(List.of(
      declaration("WideDouble", "DOUBLE"), declaration("WideFloat", "FLOAT")));

  private static javax.tools.JavaFileObject declaration(String name, String precision) {
    // 37 inputs: 9 passes of 4 columns and a remainder of 1; 33 and 20 units, both row by row.
    return JavaFileObjects.forSourceLines("rows." + name, "package rows;", "import io.gradgen.*;",
        "@Network(inputs = 37, layers = {@Dense(name = \"a\", units = 33, activation = Activation.TANH),",
        "    @Dense(name = \"out\", units = 20, activation = Activation.RELU, bias = Bias.SHARED)},",
        "  loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.LOOPS, precision = Precision." + precision + ")",
        "public interface " + name + " {}");
  }

  @Test
  void aDoubleBatchPredictsWhatSingleSamplesPredictBitForBit() {
    DifferentiableModel model = COMPILED.model("rows.WideDoubleModel");
    Random random = new Random(7);
    for (int i = 0; i < model.parameterCount(); i++) {
      model.parameters().set(i, random.nextGaussian() * 0.3);
    }
    int rows = 70;
    double[] xs = new double[rows * 207];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextGaussian();
    }
    double[] batch = new double[rows * 20];
    model.predict(xs, 0, batch, 0, rows);
    double[] single = new double[rows * 20];
    double[] x = new double[37];
    double[] y = new double[20];
    for (int n = 0; n < rows; n++) {
      System.arraycopy(xs, n * 37, x, 0, 37);
      model.predict(x, y);
      System.arraycopy(y, 0, single, n * 20, 20);
    }
    assertArrayEquals(single, batch, 0.0);
  }

  @Test
  void aFloatBatchPredictsWhatSingleSamplesPredictBitForBit() {
    DifferentiableFloatModel model = COMPILED.floatModel("rows.WideFloatModel");
    Random random = new Random(7);
    for (int i = 0; i < model.parameterCount(); i++) {
      model.parameters().set(i, (float) (random.nextGaussian() * 0.3));
    }
    int rows = 70;
    float[] xs = new float[rows * 207];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) random.nextGaussian();
    }
    float[] batch = new float[rows * 20];
    model.predict(xs, 0, batch, 0, rows);
    float[] single = new float[rows * 20];
    float[] x = new float[37];
    float[] y = new float[20];
    for (int n = 0; n < rows; n++) {
      System.arraycopy(xs, n * 37, x, 0, 37);
      model.predict(x, y);
      System.arraycopy(y, 0, single, n * 20, 20);
    }
    assertArrayEquals(single, batch, 0.0f);
  }
}
