package io.gradgen.processor.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gradgen.processor.graph.Evaluator;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differentiator applies the gate rules of SEEDS.md §1 and §2. */
class DifferentiatorTest {
  private static final double[] NONE = {};

  @Test
  void fanOutSumsTheGradientsOfEveryConsumer() {
    // E = w·x1 + w·x2: w feeds two multiply gates, so dE/dw = x1 + x2.
    Graph g = new Graph();
    Node w = g.param(0);
    Node loss = g.add(g.mul(w, g.input(0)), g.mul(w, g.input(1)));
    Gradient gradient = Differentiator.differentiate(g, loss, List.of(w));
    double dw = new Evaluator(new double[] {3.0, 4.0}, NONE, new double[] {2.0})
        .value(gradient.parameterGradients().get(0));
    assertEquals(7.0, dw, 0.0);
    assertEquals("fan-out sums 2 paths: multiply gate switches", gradient.parameterNotes().get(0));
  }

  @Test
  void compositionMultipliesTheLocalFactors() {
    // input → ×3 → ×2 → output behaves as ×6 (SEEDS.md §1): d(out)/d(in) through a parameter.
    Graph g = new Graph();
    Node in = g.param(0);
    Node out = g.mul(g.constant(2.0), g.mul(g.constant(3.0), in));
    Gradient gradient = Differentiator.differentiate(g, out, List.of(in));
    assertEquals(6.0, new Evaluator(NONE, NONE, new double[] {0.001})
        .value(gradient.parameterGradients().get(0)), 0.0);
  }

  @Test
  void aParameterTheLossDoesNotUseGetsTheConstantZero() {
    Graph g = new Graph();
    Node used = g.param(0);
    Node unused = g.param(1);
    Gradient gradient = Differentiator.differentiate(g, g.node(Op.SQUARE, used), List.of(used, unused));
    assertSame(g.constant(0.0), gradient.parameterGradients().get(1));
  }
}
