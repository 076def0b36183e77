package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.UnitLoop;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.TypeShape;
import io.gradgen.processor.schedule.Schedule;
import io.gradgen.processor.testing.CompiledModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A schedule never changes what is computed: random networks (widths on both sides of {@link
 * Schedule#FEW_UNITS}, every activation, every loss) as straight-line code and as loops with their
 * units unrolled, vectorized and mixed per layer agree to 1e-12 — outputs, loss, gradient, batch
 * gradient, fused step — and so do their infinite and NaN gradients.
 */
class ScheduleTest {
  private static final int NETWORKS = 10;
  private static final List<String> SCHEDULES = List.of("STRAIGHT_LINE", "UNROLLED", "VECTORIZED", "MIXED");
  private static final Activation[] HIDDEN = {
    Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU,
    Activation.ELU, Activation.GELU, Activation.SILU, Activation.SOFTPLUS, Activation.HARD_SIGMOID
  };

  private record Net(String name, int inputs, List<LayerSpec> layers, Loss loss) {}

  private static List<Net> nets;
  private static CompiledModels compiled;

  @Test
  void autoUnrollsNarrowLayersAndVectorizesWideOnesUnlessTheLayerSaysOtherwise() {
    NetworkSpec spec = new NetworkSpec("s", List.of("S"), TypeShape.plainInterface(), 4,
        List.of(new LayerSpec("wide", 17, Activation.TANH, Bias.PER_NEURON),
            new LayerSpec("narrow", 16, Activation.TANH, Bias.PER_NEURON),
            new LayerSpec("forced", 3, Activation.TANH, Bias.PER_NEURON).withUnitLoop(UnitLoop.VECTORIZED),
            new LayerSpec("out", 2, Activation.IDENTITY, Bias.NONE).withUnitLoop(UnitLoop.UNROLLED)),
        Loss.HALF_SUM_SQUARED_ERROR).withCode(CodeShape.LOOPS);
    Schedule s = Schedule.of(spec);
    assertEquals(List.of(UnitLoop.VECTORIZED, UnitLoop.UNROLLED, UnitLoop.VECTORIZED, UnitLoop.UNROLLED), s.unitLoops());
    assertEquals(Schedule.Storage.BY_COLUMN, s.storage());
    assertEquals(Schedule.Storage.FLAT, Schedule.of(spec.withCode(CodeShape.STRAIGHT_LINE)).storage());
  }

  @BeforeAll
  static void compile() {
    Random random = new Random(20261202);
    nets = new ArrayList<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (int n = 0; n < NETWORKS; n++) {
      Loss loss = Loss.values()[n % 5];
      Activation output = switch (loss) {
        case BINARY_CROSS_ENTROPY -> Activation.SIGMOID;
        case CATEGORICAL_CROSS_ENTROPY -> Activation.SOFTMAX;
        default -> HIDDEN[random.nextInt(HIDDEN.length)];
      };
      List<LayerSpec> layers = new ArrayList<>();
      int depth = 2 + random.nextInt(2);
      for (int i = 0; i + 1 < depth; i++) {
        layers.add(new LayerSpec("l" + i, 1 + random.nextInt(24), HIDDEN[random.nextInt(HIDDEN.length)],
            Bias.values()[random.nextInt(3)], "", 0.05));
      }
      layers.add(new LayerSpec("out", 2 + random.nextInt(20), output, Bias.values()[random.nextInt(3)]));
      Net net = new Net("Net" + n, 1 + random.nextInt(9), layers, loss);
      nets.add(net);
      for (String schedule : SCHEDULES) {
        sources.add(JavaFileObjects.forSourceString("sched." + net.name() + schedule, source(net, schedule)));
      }
    }
    compiled = CompiledModels.compile(sources);
  }

  private static String source(Net net, String schedule) {
    StringBuilder sb = new StringBuilder("package sched;\nimport io.gradgen.*;\n@Network(inputs = ")
        .append(net.inputs()).append(", layers = {\n");
    for (int i = 0; i < net.layers().size(); i++) {
      LayerSpec l = net.layers().get(i);
      String loop = switch (schedule) {
        case "UNROLLED", "VECTORIZED" -> schedule;
        case "MIXED" -> i % 2 == 0 ? "UNROLLED" : "VECTORIZED";
        default -> "AUTO";
      };
      sb.append("  @Dense(name = \"").append(l.name()).append("\", units = ").append(l.units())
          .append(", activation = Activation.").append(l.activation()).append(", bias = Bias.").append(l.bias())
          .append(", slope = ").append(l.slope()).append(", unitLoop = UnitLoop.").append(loop).append(")")
          .append(i + 1 < net.layers().size() ? ",\n" : "},\n");
    }
    return sb.append("  loss = Loss.").append(net.loss()).append(", code = CodeShape.")
        .append(schedule.equals("STRAIGHT_LINE") ? "STRAIGHT_LINE" : "LOOPS").append(")\n")
        .append("public interface ").append(net.name()).append(schedule).append(" {}\n").toString();
  }

  private static DifferentiableModel model(Net net, String schedule) {
    return compiled.model("sched." + net.name() + schedule + "Model");
  }

  @TestFactory
  Stream<DynamicTest> everyScheduleComputesWhatStraightLineCodeComputes() {
    return IntStream.range(0, NETWORKS).boxed().flatMap(n -> SCHEDULES.stream().skip(1).map(schedule ->
        DynamicTest.dynamicTest(nets.get(n).name() + " " + schedule, () -> agree(nets.get(n), schedule, n))));
  }

  private static void agree(Net net, String schedule, int seed) {
    DifferentiableModel reference = model(net, "STRAIGHT_LINE");
    DifferentiableModel other = model(net, schedule);
    Random random = new Random(seed);
    double[] p = uniform(random, reference.parameterCount(), 1);
    reference.parameters().copyFrom(p);
    other.parameters().copyFrom(p);
    int rows = 70;
    double[] xs = uniform(random, rows * net.inputs(), 2);
    double[] ts = targets(random, rows, reference.outputCount(), net.loss());
    double[] x = java.util.Arrays.copyOf(xs, net.inputs());
    double[] t = java.util.Arrays.copyOf(ts, reference.outputCount());
    double[] y1 = new double[reference.outputCount()];
    double[] y2 = new double[y1.length];
    reference.predict(x, y1);
    other.predict(x, y2);
    same(y1, y2, "outputs");
    double[] g1 = new double[p.length];
    double[] g2 = new double[p.length];
    close(reference.gradient(x, t, g1), other.gradient(x, t, g2), "loss");
    same(g1, g2, "gradient");
    java.util.Arrays.fill(g1, 0);
    java.util.Arrays.fill(g2, 0);
    close(reference.gradient(xs, 0, ts, 0, rows, g1), other.gradient(xs, 0, ts, 0, rows, g2), "batch loss");
    same(g1, g2, "batch gradient");
    close(reference.trainStep(x, t, 0.1), other.trainStep(x, t, 0.1), "step loss");
    same(reference.parameters().toArray(), other.parameters().toArray(), "parameters after a fused step");

    // Infinite and NaN targets send infinite and NaN gradients back: the same in every schedule.
    double[] wild = t.clone();
    wild[0] = Double.POSITIVE_INFINITY;
    wild[wild.length - 1] = random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
    reference.parameters().copyFrom(p);
    other.parameters().copyFrom(p);
    java.util.Arrays.fill(g1, 0);
    java.util.Arrays.fill(g2, 0);
    reference.gradient(x, wild, g1);
    other.gradient(x, wild, g2);
    same(g1, g2, "gradient for targets " + java.util.Arrays.toString(wild));
  }

  private static double[] uniform(Random r, int n, double scale) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    return a;
  }

  private static double[] targets(Random r, int rows, int outputs, Loss loss) {
    double[] t = new double[rows * outputs];
    for (int row = 0; row < rows; row++) {
      double sum = 0;
      for (int j = 0; j < outputs; j++) {
        t[row * outputs + j] = r.nextDouble();
        sum += t[row * outputs + j];
      }
      for (int j = 0; loss == Loss.CATEGORICAL_CROSS_ENTROPY && j < outputs; j++) {
        t[row * outputs + j] /= sum;
      }
    }
    return t;
  }

  private static void close(double expected, double actual, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }

  /** Element by element: equal to 1e-12, or the same infinity, or both NaN. */
  private static void same(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertTrue(Double.isNaN(actual[i]), what + "[" + i + "]: NaN expected, was " + actual[i]);
      } else {
        close(expected[i], actual[i], what + "[" + i + "]");
      }
    }
  }
}
