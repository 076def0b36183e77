package io.gradgen.processor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.ir.ElementFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTexTest {
  private static ElementFunction function(Graph g, Node body) {
    return new ElementFunction("f", "f(z)", g, body, List.of("z"));
  }

  private static Node z(Graph g) {
    return g.node(Op.VAR, List.of(), 0.0, 0);
  }

  @Test
  void aPowerOfAnExponentialParenthesizesItsBase() {
    Graph g = new Graph();
    Node body = g.node(Op.POW, g.node(Op.EXP, z(g)), g.constant(2.5));
    // e^{z}^{2.5} is a double superscript, which TeX refuses.
    assertEquals("\\left(e^{z}\\right)^{2.5}", BodyTex.of(function(g, body), List.of("z")));
  }

  @Test
  void aShortBodyIsPrintedAsATree() {
    Graph g = new Graph();
    Node s = g.node(Op.SIGMOID, z(g));
    String tex = BodyTex.of(function(g, g.mul(s, g.sub(g.constant(1.0), s))), List.of("z"));
    assertFalse(tex.contains("where"), tex);
    assertEquals(2, tex.split("sigma", -1).length - 1, tex);
  }

  /** x ← x·x + x forty times: a 2⁴⁰-node tree, 81 nodes of graph; printed once per shared value. */
  @Test
  void aBodyThatReusesItsValuesPrintsEachSharedValueOnce() {
    Graph g = new Graph();
    Node x = z(g);
    for (int i = 0; i < 40; i++) {
      x = g.add(g.mul(x, g.constant(0.5)), g.node(Op.SIN, x));
    }
    String tex = BodyTex.of(function(g, x), List.of("z"));
    assertTrue(tex.contains("\\text{where } u_{1} = "), tex.substring(0, Math.min(200, tex.length())));
    assertTrue(tex.length() < 10_000, "length " + tex.length());
  }
}
