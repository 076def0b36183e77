package io.gradgen.processor.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.TypeShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batch axis is a transform of the differentiated graph: interpreted, a batch's loss is the sum
 * of its rows' losses and each parameter's batch gradient the sum of the rows' gradients, for every
 * loss, bias shape and output activation.
 */
class BatchAxisTest {
  private static final int ROWS = 5;

  private static NetworkSpec spec(String name, int inputs, Loss loss, LayerSpec... layers) {
    return new NetworkSpec("b", List.of(name), TypeShape.plainInterface(), inputs, List.of(layers), loss);
  }

  private static List<NetworkSpec> specs() {
    return List.of(
        NetworkIrTest.seed(),
        spec("Softmax", 3, Loss.CATEGORICAL_CROSS_ENTROPY,
            new LayerSpec("h", 4, Activation.RELU, Bias.PER_NEURON),
            new LayerSpec("out", 3, Activation.SOFTMAX, Bias.SHARED)),
        spec("Binary", 2, Loss.BINARY_CROSS_ENTROPY,
            new LayerSpec("h", 3, Activation.GELU, Bias.NONE),
            new LayerSpec("out", 2, Activation.SIGMOID, Bias.PER_NEURON)),
        spec("SoftmaxSquares", 2, Loss.MEAN_SQUARED_ERROR,
            new LayerSpec("h", 3, Activation.ELU, Bias.SHARED),
            new LayerSpec("out", 3, Activation.SOFTMAX, Bias.PER_NEURON)),
        spec("Deep", 3, Loss.SUM_SQUARED_ERROR,
            new LayerSpec("a", 4, Activation.SILU, Bias.PER_NEURON),
            new LayerSpec("b", 2, Activation.IDENTITY, Bias.NONE),
            new LayerSpec("out", 2, Activation.SOFTPLUS, Bias.SHARED)));
  }

  @TestFactory
  Stream<DynamicTest> aBatchsLossAndGradientsAreTheSumsOfItsRows() {
    return specs().stream().map(spec -> DynamicTest.dynamicTest(spec.modelName(), () -> check(spec)));
  }

  private static void check(NetworkSpec spec) {
    NetworkIr ir = NetworkIr.of(spec);
    BatchAxis.Batch batch = BatchAxis.of(ir, ROWS);
    Random random = new Random(spec.modelName().hashCode());
    Map<Tensor, double[]> shared = new HashMap<>();
    for (Tensor p : ir.parameters()) {
      shared.put(p, uniform(random, p.shape().size()));
    }
    int n = spec.inputs();
    int m = spec.outputs();
    double[] xs = uniform(random, n * ROWS); // [input][row]
    double[] ts = new double[m * ROWS];
    for (int r = 0; r < ROWS; r++) {
      double sum = 0;
      for (int j = 0; j < m; j++) {
        ts[j * ROWS + r] = random.nextDouble();
        sum += ts[j * ROWS + r];
      }
      for (int j = 0; spec.loss() == Loss.CATEGORICAL_CROSS_ENTROPY && j < m; j++) {
        ts[j * ROWS + r] /= sum;
      }
    }
    double loss = 0;
    double[][] gradients = new double[ir.parameters().size()][];
    for (int r = 0; r < ROWS; r++) {
      Map<Tensor, double[]> leaves = new HashMap<>(shared);
      leaves.put(ir.x(), column(xs, n, r));
      leaves.put(ir.t(), column(ts, m, r));
      TensorInterpreter row = new TensorInterpreter(leaves);
      loss += row.scalar(ir.loss());
      for (int p = 0; p < gradients.length; p++) {
        double[] g = row.value(ir.updates().get(p).arg(1));
        gradients[p] = gradients[p] == null ? g : add(gradients[p], g);
      }
    }
    Map<Tensor, double[]> leaves = new HashMap<>(shared);
    leaves.put(batch.x(), xs);
    leaves.put(batch.t(), ts);
    TensorInterpreter at = new TensorInterpreter(leaves);
    assertEquals(loss, at.scalar(batch.loss()), 1e-12 * Math.max(1, Math.abs(loss)), "summed loss");
    for (int p = 0; p < gradients.length; p++) {
      double[] b = at.value(batch.gradients().get(p));
      for (int i = 0; i < b.length; i++) {
        assertEquals(gradients[p][i], b[i], 1e-12 * Math.max(1, Math.abs(gradients[p][i])),
            "∂E/∂" + ir.graph().nameOf(ir.parameters().get(p)).orElseThrow() + "[" + i + "]");
      }
    }
  }

  private static double[] column(double[] matrix, int height, int r) {
    double[] c = new double[height];
    for (int i = 0; i < height; i++) {
      c[i] = matrix[i * ROWS + r];
    }
    return c;
  }

  private static double[] add(double[] a, double[] b) {
    double[] s = a.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] += b[i];
    }
    return s;
  }

  private static double[] uniform(Random r, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextDouble() * 2 - 1;
    }
    return a;
  }
}
