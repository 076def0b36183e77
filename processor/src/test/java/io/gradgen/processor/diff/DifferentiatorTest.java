package io.gradgen.processor.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aZeroRoutedToAnUntakenBranchIsNeverMultipliedByItsInfiniteSlope() {
    // f = w > 0 ? √w : 0 at w = −1: √'s rule divides by 2√w = NaN; the select sends that branch 0.
    Graph g = new Graph();
    Node w = g.param(0);
    Node f = g.node(Op.IF_GREATER, w, g.constant(0.0), g.node(Op.SQRT, w), g.constant(0.0));
    Node df = Differentiator.differentiate(g, f, List.of(w)).parameterGradients().get(0);
    assertEquals(0.0, new Evaluator(NONE, NONE, new double[] {-1.0}).value(df), 0.0);
    assertEquals(0.25, new Evaluator(NONE, NONE, new double[] {4.0}).value(df), 0.0);
  }

  @Test
  void contributionsThatStayFiniteAreNotGuarded() {
    // relu(w)·3: the relu gate's zero is multiplied by 3 and by nothing that can be infinite, so the
    // gradient is the plain select, w > 0 ? 3 : 0, with no test of the upstream gradient.
    Graph g = new Graph();
    Node w = g.param(0);
    Node f = g.mul(g.node(Op.RELU, w), g.constant(3.0));
    Node df = Differentiator.differentiate(g, f, List.of(w)).parameterGradients().get(0);
    assertEquals(Op.IF_POSITIVE, df.op());
    // e^min(w, 0) is at most 1: ELU's negative branch needs no guard either.
    Graph h = new Graph();
    Node v = h.param(0);
    Node elu = h.node(Op.IF_GREATER, v, h.constant(0.0), v,
        h.sub(h.node(Op.EXP, h.node(Op.MIN, v, h.constant(0.0))), h.constant(1.0)));
    Node dElu = Differentiator.differentiate(h, elu, List.of(v)).parameterGradients().get(0);
    for (Node n : io.gradgen.processor.graph.Reachable.dependencies(List.of(dElu))) {
      org.junit.jupiter.api.Assertions.assertNotEquals(Op.IF_EQUAL, n.op(), "no zero test in " + n);
    }
  }

  @Test
  void finitenessBoundsTheOperationsThatCanOverflowOrHitAPole() {
    Graph g = new Graph();
    Node z = g.node(Op.VAR, List.of(), 0.0, 0);
    Finiteness f = new Finiteness();
    Node zero = g.constant(0.0);
    Node one = g.constant(1.0);
    org.junit.jupiter.api.Assertions.assertFalse(f.isFinite(g.node(Op.EXP, z)), "e^z overflows");
    assertTrue(f.isFinite(g.node(Op.EXP, g.node(Op.MIN, z, zero))), "e^min(z, 0) ≤ 1");
    assertTrue(f.isFinite(g.div(one, g.add(one, g.node(Op.EXP, g.neg(g.node(Op.ABS, z)))))), "1/(1 + e^−|z|)");
    org.junit.jupiter.api.Assertions.assertFalse(f.isFinite(g.div(one, z)), "1/z at 0");
    org.junit.jupiter.api.Assertions.assertFalse(f.isFinite(g.node(Op.LOG, z)), "ln z at 0");
    assertTrue(f.isFinite(g.node(Op.LOG1P, g.node(Op.SQUARE, z))), "ln(1 + z²)");
    org.junit.jupiter.api.Assertions.assertFalse(f.isFinite(g.node(Op.SQRT, g.sub(z, one))), "√(z − 1)");
    assertTrue(f.isFinite(g.node(Op.SQRT, g.add(g.node(Op.SQUARE, z), one))), "√(z² + 1)");
    org.junit.jupiter.api.Assertions.assertFalse(f.isFinite(g.node(Op.POW, z, g.constant(0.5))), "z^0.5 below 0");
    assertTrue(f.isFinite(g.mul(g.node(Op.TANH, z), g.node(Op.SIGMOID, z))), "tanh·σ");
  }
}
