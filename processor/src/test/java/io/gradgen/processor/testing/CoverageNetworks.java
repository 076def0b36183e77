package io.gradgen.processor.testing;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.Loss;
import io.gradgen.processor.testing.Declarations.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.JavaFileObject;

/**
 * One declaration for every valid output activation × loss × bias combination (51), with hidden
 * layers cycling through every hidden activation and bias, one to three layers deep and one to
 * four wide; compiled once and shared by the tests that inspect them.
 */
public final class CoverageNetworks {
  private static final Activation[] HIDDEN = {
    Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU,
    Activation.ELU, Activation.GELU, Activation.SILU, Activation.SOFTPLUS, Activation.HARD_SIGMOID
  };

  /** One declared network. */
  public record Case(String name, int inputs, List<Layer> layers, Loss loss) {
    public String qualifiedModelName() {
      return "fd." + name + "Model";
    }

    public String sourcePath() {
      return "fd/" + name + "Model.java";
    }
  }

  public static final List<Case> CASES = cases();

  /**
   * Networks whose layers are wider than the loop form's limit for keeping a layer's values in
   * locals (16 units): a wide layer first, in the middle and last, with every bias shape, every
   * output activation and every built-in loss, and fan-ins that are and are not multiples of the
   * four columns the forward pass adds at once.
   */
  public static final List<Case> WIDE_CASES = List.of(
      new Case("Wide0", 6, List.of(
          new Layer("h0", 20, Activation.TANH, Bias.PER_NEURON),
          new Layer("h1", 18, Activation.RELU, Bias.SHARED),
          new Layer("out", 17, Activation.SIGMOID, Bias.NONE)), Loss.HALF_SUM_SQUARED_ERROR),
      new Case("Wide1", 5, List.of(
          new Layer("h0", 17, Activation.SIGMOID, Bias.NONE),
          new Layer("out", 19, Activation.SOFTMAX, Bias.PER_NEURON)), Loss.CATEGORICAL_CROSS_ENTROPY),
      new Case("Wide2", 8, List.of(
          new Layer("h0", 18, Activation.IDENTITY, Bias.SHARED),
          new Layer("out", 20, Activation.SIGMOID, Bias.SHARED)), Loss.BINARY_CROSS_ENTROPY),
      new Case("Wide3", 4, List.of(
          new Layer("h0", 3, Activation.RELU, Bias.PER_NEURON),
          new Layer("out", 17, Activation.IDENTITY, Bias.PER_NEURON)), Loss.MEAN_SQUARED_ERROR),
      new Case("Wide4", 9, List.of(
          new Layer("out", 18, Activation.TANH, Bias.PER_NEURON)), Loss.SUM_SQUARED_ERROR),
      new Case("Wide5", 6, List.of(
          new Layer("h0", 20, Activation.RELU, Bias.PER_NEURON),
          new Layer("h1", 2, Activation.TANH, Bias.NONE),
          new Layer("out", 17, Activation.SOFTMAX, Bias.SHARED)), Loss.HALF_SUM_SQUARED_ERROR));

  private static CompiledModels wideLoops;
  private static CompiledModels wideFloatLoops;

  /** {@link #WIDE_CASES} as loops, in package {@code wide}. */
  public static synchronized CompiledModels wideLoops() {
    if (wideLoops == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : WIDE_CASES) {
        sources.add(Declarations.file("wide", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS));
      }
      wideLoops = CompiledModels.compile(sources);
    }
    return wideLoops;
  }

  /** {@link #WIDE_CASES} as float loops, in package {@code widefloat}. */
  public static synchronized CompiledModels wideFloatLoops() {
    if (wideFloatLoops == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : WIDE_CASES) {
        sources.add(Declarations.file(
            "widefloat", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS, io.gradgen.Precision.FLOAT));
      }
      wideFloatLoops = CompiledModels.compile(sources);
    }
    return wideFloatLoops;
  }

  private static CompiledModels compiled;
  private static CompiledModels compiledAsLoops;
  private static CompiledModels compiledAsFloats;
  private static CompiledModels compiledAsFloatLoops;

  private CoverageNetworks() {}

  /** All the cases, compiled with the processor (once per test JVM). */
  public static synchronized CompiledModels compiled() {
    if (compiled == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : CASES) {
        sources.add(Declarations.file("fd", c.name(), c.inputs(), c.layers(), c.loss()));
      }
      compiled = CompiledModels.compile(sources);
    }
    return compiled;
  }

  /** All the cases again, with {@code code = CodeShape.LOOPS}, in package {@code loops}. */
  public static synchronized CompiledModels compiledAsLoops() {
    if (compiledAsLoops == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : CASES) {
        sources.add(Declarations.file("loops", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS));
      }
      compiledAsLoops = CompiledModels.compile(sources);
    }
    return compiledAsLoops;
  }

  /** All the cases again in {@code float}, in package {@code floats}. */
  public static synchronized CompiledModels compiledAsFloats() {
    if (compiledAsFloats == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : CASES) {
        sources.add(Declarations.file("floats", c.name(), c.inputs(), c.layers(), c.loss(), io.gradgen.Precision.FLOAT));
      }
      compiledAsFloats = CompiledModels.compile(sources);
    }
    return compiledAsFloats;
  }

  /**
   * All the cases again in {@code float} with {@code code = CodeShape.LOOPS}, in package {@code
   * floatloops}.
   */
  public static synchronized CompiledModels compiledAsFloatLoops() {
    if (compiledAsFloatLoops == null) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Case c : CASES) {
        sources.add(Declarations.file(
            "floatloops", c.name(), c.inputs(), c.layers(), c.loss(), CodeShape.LOOPS, io.gradgen.Precision.FLOAT));
      }
      compiledAsFloatLoops = CompiledModels.compile(sources);
    }
    return compiledAsFloatLoops;
  }

  private static List<Case> cases() {
    Random random = new Random(20261123);
    List<Case> cases = new ArrayList<>();
    int n = 0;
    for (Activation output : Activation.values()) {
      for (Loss loss : Loss.values()) {
        if (!valid(output, loss)) {
          continue;
        }
        for (Bias bias : Bias.values()) {
          int depth = 1 + n % 3;
          List<Layer> layers = new ArrayList<>();
          for (int i = 0; i < depth - 1; i++) {
            Activation hidden = HIDDEN[(n + i) % HIDDEN.length];
            Bias hiddenBias = Bias.values()[(n + i + 1) % Bias.values().length];
            layers.add(new Layer("h" + i, 1 + random.nextInt(4), hidden, hiddenBias));
          }
          int minOutputs = output == Activation.SOFTMAX ? 2 : 1;
          layers.add(new Layer("out", minOutputs + random.nextInt(5 - minOutputs), output, bias));
          cases.add(new Case(
              "Net" + n + "_" + output + "_" + loss + "_" + bias, 1 + random.nextInt(4), layers, loss));
          n++;
        }
      }
    }
    return List.copyOf(cases);
  }

  private static boolean valid(Activation output, Loss loss) {
    if (output == Activation.CUSTOM || loss == Loss.CUSTOM) {
      return false; // custom functions have their own tests (CustomFunctionNetworkTest)
    }
    return switch (loss) {
      case BINARY_CROSS_ENTROPY -> output == Activation.SIGMOID;
      case CATEGORICAL_CROSS_ENTROPY -> output == Activation.SOFTMAX;
      default -> true;
    };
  }
}
