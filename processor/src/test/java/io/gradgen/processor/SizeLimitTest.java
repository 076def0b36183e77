package io.gradgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.processor.testing.Declarations;
import io.gradgen.processor.testing.Declarations.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size rule's hard limit is safe: a network right at it still compiles (no "code too large"). */
class SizeLimitTest {
  @Test
  void theLargestAllowedNetworkCompiles() {
    // 10·100 + 100·5 = 1,500 weights, the hard limit, with the widest gradient code: tanh, per-neuron biases.
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
                    Loss.CATEGORICAL_CROSS_ENTROPY));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[gradgen.size] this network has 1500 weights");
  }
}
