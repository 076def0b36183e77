package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.model.TypeShape;
import io.gradgen.processor.report.GraphPicture;
import io.gradgen.processor.testing.CoverageNetworks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Graphviz renders every picture gradgen writes, so a malformed graph fails the build. Runs where
 * {@code dot} is installed ({@code .ci/run} installs Graphviz and sets {@code GRADGEN_REQUIRE_DOT},
 * so CI cannot skip it); skipped elsewhere.
 */
class DotRenderingTest {

  private static boolean dotInstalled() {
    try {
      Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void render(String dot) throws Exception {
    Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
    p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
    assertEquals(0, p.exitValue(), "dot rejected the graph: " + errors + "\n" + dot);
    assertTrue(errors.isBlank(), "dot warned: " + errors);
    assertTrue(svg.contains("<svg"), "no SVG produced");
  }

  private static NetworkSpec spec(String name, int inputs, Loss loss, LayerSpec... layers) {
    return new NetworkSpec("p", List.of(name), TypeShape.plainInterface(), inputs, List.of(layers), loss);
  }

  @TestFactory
  Stream<DynamicTest> graphvizRendersEveryPicture() {
    if (System.getenv("GRADGEN_REQUIRE_DOT") != null) {
      assertTrue(dotInstalled(), "GRADGEN_REQUIRE_DOT is set but Graphviz's dot is not installed");
    }
    Assumptions.assumeTrue(dotInstalled(), "Graphviz's dot is not installed");
    Stream<DynamicTest> small = CoverageNetworks.CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<LayerSpec> layers = c.layers().stream()
          .map(l -> new LayerSpec(l.name(), l.units(), l.activation(), l.bias())).toList();
      render(GraphPicture.dot(new NetworkSpec("fd", List.of(c.name()), TypeShape.plainInterface(), c.inputs(), layers, c.loss())));
    }));
    // Large enough to collapse into one node per tensor op.
    NetworkSpec large = spec("Digits", 64, Loss.CATEGORICAL_CROSS_ENTROPY,
        new LayerSpec("hidden", 16, Activation.RELU, Bias.PER_NEURON),
        new LayerSpec("classes", 10, Activation.SOFTMAX, Bias.SHARED));
    assertTrue(GraphPicture.dot(large).contains("hidden.W (16×64)"), "collapsed picture");
    return Stream.concat(small, Stream.of(DynamicTest.dynamicTest("collapsed 64-16-10", () -> render(GraphPicture.dot(large)))));
  }
}
