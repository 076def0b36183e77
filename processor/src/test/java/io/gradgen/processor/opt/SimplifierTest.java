package io.gradgen.processor.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gradgen.processor.graph.Evaluator;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rewrite table simplifies what it says, and never changes a value. */
class SimplifierTest {
  private final Graph g = new Graph();
  private final Node a = g.param(0);
  private final Node b = g.param(1);

  private Node simplify(Node n) {
    return Simplifier.simplify(g, List.of(n)).get(0);
  }

  @Test
  void unitFactorsAndZeroTermsDisappear() {
    assertSame(a, simplify(g.mul(g.constant(1.0), a)), "1·a -> a");
    assertSame(a, simplify(g.mul(a, g.constant(1.0))), "a·1 -> a");
    assertSame(g.constant(0.0), simplify(g.mul(a, g.constant(0.0))), "a·0 -> 0");
    assertSame(a, simplify(g.add(a, g.constant(0.0))), "a + 0 -> a");
    assertSame(a, simplify(g.sub(a, g.constant(0.0))), "a − 0 -> a");
    assertSame(g.neg(a), simplify(g.sub(g.constant(0.0), a)), "0 − a -> −a");
    assertSame(a, simplify(g.div(a, g.constant(1.0))), "a/1 -> a");
    assertSame(g.constant(0.0), simplify(g.sub(a, a)), "a − a -> 0");
  }

  @Test
  void signsAreFoldedIntoSubtractionsAndConstants() {
    assertSame(a, simplify(g.neg(g.neg(a))), "−(−a) -> a");
    assertSame(g.sub(b, a), simplify(g.neg(g.sub(a, b))), "−(a − b) -> b − a");
    assertSame(g.sub(a, b), simplify(g.add(a, g.neg(b))), "a + (−b) -> a − b");
    assertSame(g.add(a, b), simplify(g.sub(a, g.neg(b))), "a − (−b) -> a + b");
    assertSame(g.mul(g.constant(-3.0), a), simplify(g.neg(g.mul(g.constant(3.0), a))), "−(3·a) -> (−3)·a");
  }

  @Test
  void constantsAreFoldedAndCollected() {
    assertSame(g.constant(6.0), simplify(g.mul(g.constant(2.0), g.constant(3.0))));
    // ½·(2·a), the half squared error's gradient, is a.
    assertSame(a, simplify(g.mul(g.constant(0.5), g.mul(g.constant(2.0), a))));
    assertSame(g.mul(g.constant(6.0), a), simplify(g.mul(g.mul(a, g.constant(2.0)), g.constant(3.0))));
  }

  @Test
  void aRewrittenNodeKeepsItsNameAndNote() {
    Node named = g.mul(g.constant(1.0), g.add(a, b));
    g.name(named, "dE_hidden_z0");
    g.note(named, "sigmoid gate");
    Node result = simplify(named);
    assertSame(g.add(a, b), result);
    assertEquals("dE_hidden_z0", g.nameOf(result).orElseThrow());
    assertEquals("sigmoid gate", g.noteOf(result).orElseThrow());
  }

  @Test
  void randomExpressionsKeepTheirValues() {
    Random random = new Random(7);
    Op[] binary = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MAX};
    Op[] unary = {Op.NEG, Op.SQUARE, Op.EXP, Op.TANH, Op.SIGMOID, Op.RELU, Op.ABS};
    for (int trial = 0; trial < 300; trial++) {
      List<Node> pool = new ArrayList<>(List.of(
          g.param(0), g.param(1), g.param(2), g.constant(0.0), g.constant(1.0), g.constant(-1.0), g.constant(2.0)));
      for (int k = 0; k < 8; k++) {
        Node x = pool.get(random.nextInt(pool.size()));
        Node y = pool.get(random.nextInt(pool.size()));
        Node n = random.nextBoolean()
            ? g.node(binary[random.nextInt(binary.length)], x, y)
            : g.node(unary[random.nextInt(unary.length)], x);
        pool.add(n);
      }
      Node expr = pool.get(pool.size() - 1);
      Node simple = simplify(expr);
      double[] p = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1, random.nextDouble() * 2 + 0.5};
      double before = new Evaluator(new double[0], new double[0], p).value(expr);
      double after = new Evaluator(new double[0], new double[0], p).value(simple);
      if (Double.isNaN(before) || Double.isInfinite(before)) {
        continue; // a/0 and the like: the rules assume finite values (documented in Rewrites)
      }
      assertEquals(before, after, 1e-12 * Math.max(1, Math.abs(before)), "trial " + trial);
    }
  }
}
