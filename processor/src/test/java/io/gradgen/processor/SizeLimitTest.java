package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.Loss;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Declarations.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size rule's estimate is safe: networks just under its hard limit compile (no "code too
 * large"), whatever their shape — wide first layers, many neurons, custom activations.
 */
class SizeLimitTest {
  @Test
  void theLargestAllowedNetworkCompiles() {
    // 10·100 + 100·5 weights: tanh, per-neuron biases, softmax (estimated 55,900 bytes, measured 53,218).
    Compilation c =
        Compiler.javac()
            .withProcessors(new GradgenProcessor())
            .compile(
                Declarations.file(
                    "big",
                    "Big",
                    10,
                    List.of(
                        new Layer("hidden", 100, Activation.TANH, Bias.PER_NEURON),
                        new Layer("out", 5, Activation.SOFTMAX, Bias.PER_NEURON)),
                    Loss.CATEGORICAL_CROSS_ENTROPY,
                    CodeShape.STRAIGHT_LINE));
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void manyNeuronsJustUnderTheLimitCompile() {
    // 1·310 + 310·2 weights and 312 neurons: neurons dominate (estimated 59,640 bytes).
    Compilation c =
        Compiler.javac()
            .withProcessors(new GradgenProcessor())
            .compile(
                Declarations.file(
                    "big",
                    "Neurons",
                    1,
                    List.of(
                        new Layer("hidden", 310, Activation.TANH, Bias.PER_NEURON),
                        new Layer("out", 2, Activation.TANH, Bias.PER_NEURON)),
                    Loss.HALF_SUM_SQUARED_ERROR,
                    CodeShape.STRAIGHT_LINE));
    assertThat(c).succeeded();
  }

  @Test
  void aFloatNetworkTheDoubleEstimatePassesButJavacWouldRejectIsASizeError() {
    // 20-30-30 softmax: its double trainStep is 58,389 bytes, the float one about 66,000: past the
    // 60,000 bytes straight-line code may take; float methods are estimated 15 % larger.
    List<Layer> layers = List.of(new Layer("h", 30, Activation.TANH, Bias.PER_NEURON), new Layer("o", 30, Activation.SOFTMAX, Bias.PER_NEURON));
    Compilation f = Compiler.javac().withProcessors(new GradgenProcessor()).compile(JavaFileObjects.forSourceString("big.Floats",
        Declarations.source("big", "Floats", 20, layers, Loss.CATEGORICAL_CROSS_ENTROPY, CodeShape.STRAIGHT_LINE,
            io.gradgen.Precision.FLOAT)));
    assertThat(f).hadErrorContaining("[gradgen.size] this network is too large for straight-line code: its gradient"
        + " would take about 66125 bytes");
    Compilation d = Compiler.javac().withProcessors(new GradgenProcessor())
        .compile(Declarations.file("big", "Doubles", 20, layers, Loss.CATEGORICAL_CROSS_ENTROPY, CodeShape.STRAIGHT_LINE));
    assertThat(d).succeeded();
  }
}
