package io.gradgen.processor.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.processor.graph.Evaluator;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Op;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every op has a gate rule, and every rule agrees with central finite differences. */
class GateRulesTest {
  /** Parameter values: away from every kink (0 for relu, abs, sign; ties for max). */
  private static final double[] P = {0.7, -0.4, 1.3, 0.25};
  private static final double[] T = {0.2, 0.5, 0.3};

  /** For each op, a loss that applies it to parameters (so every argument gets a gradient). */
  private static final Map<Op, Function<Graph, Node>> LOSSES = new EnumMap<>(Op.class);

  static {
    unary(Op.NEG);
    unary(Op.SQUARE);
    unary(Op.EXP);
    unary(Op.LOG);
    unary(Op.LOG1P);
    unary(Op.ABS);
    unary(Op.SIGN);
    unary(Op.SIGMOID);
    unary(Op.TANH);
    unary(Op.RELU);
    binary(Op.SUB);
    binary(Op.MUL);
    binary(Op.DIV);
    binary(Op.MAX);
    binary(Op.MIN);
    unary(Op.SQRT);
    unary(Op.SIN);
    unary(Op.COS);
    // a^b with both a (> 0) and b depending on parameters.
    LOSSES.put(Op.POW, g -> g.node(Op.POW, g.add(g.mul(g.param(0), g.param(2)), g.constant(1.0)), g.param(1)));
    LOSSES.put(Op.ADD, g -> g.add(List.of(g.param(0), g.param(1), g.param(2))));
    LOSSES.put(Op.IF_POSITIVE, g -> g.node(Op.IF_POSITIVE, g.param(0), g.mul(g.param(1), g.param(2))));
    LOSSES.put(
        Op.IF_GREATER_OR_EQUAL,
        g -> g.node(Op.IF_GREATER_OR_EQUAL, g.param(0), g.param(1), g.mul(g.param(2), g.param(3)), g.param(3)));
    LOSSES.put(
        Op.IF_GREATER,
        g -> g.node(Op.IF_GREATER, g.param(0), g.param(1), g.mul(g.param(2), g.param(3)), g.param(3)));
    LOSSES.put(
        Op.IF_EQUAL,
        g -> g.node(Op.IF_EQUAL, g.param(0), g.param(0), g.mul(g.param(2), g.param(3)), g.param(1)));
    LOSSES.put(Op.SOFTMAX, GateRulesTest::weightedSoftmax);
    LOSSES.put(Op.SOFTMAX_CROSS_ENTROPY, GateRulesTest::softmaxCrossEntropy);
    LOSSES.put(Op.SIGMOID_CROSS_ENTROPY, GateRulesTest::sigmoidCrossEntropy);
  }

  private static void unary(Op op) {
    // op(p0·p1 + p2): the argument is itself a product, so the chain rule is exercised too.
    LOSSES.put(op, g -> g.node(op, g.add(g.mul(g.param(0), g.param(1)), g.param(2))));
  }

  private static void binary(Op op) {
    LOSSES.put(op, g -> g.node(op, g.mul(g.param(0), g.param(2)), g.param(1)));
  }

  /** Σ c_j·softmax(z)_j over z = (p0, p1, p2), with the stable forward values. */
  private static Node weightedSoftmax(Graph g) {
    List<Node> p = softmax(g, List.of(g.param(0), g.param(1), g.param(2)));
    return g.add(List.of(
        g.mul(g.constant(0.3), p.get(0)), g.mul(g.constant(-1.2), p.get(1)), g.mul(g.constant(0.7), p.get(2))));
  }

  private static List<Node> softmax(Graph g, List<Node> z) {
    Node max = g.node(Op.MAX, g.node(Op.MAX, z.get(0), z.get(1)), z.get(2));
    List<Node> e = new ArrayList<>();
    for (Node zj : z) {
      e.add(g.node(Op.EXP, g.sub(zj, max)));
    }
    Node sum = g.add(e);
    List<Node> args = new ArrayList<>();
    for (Node ej : e) {
      args.add(g.div(ej, sum));
    }
    args.addAll(z);
    List<Node> p = new ArrayList<>();
    for (int j = 0; j < z.size(); j++) {
      p.add(g.node(Op.SOFTMAX, args, 0.0, j));
    }
    return p;
  }

  /** −Σ t·ln softmax(z), value computed naively from the softmax outputs. */
  private static Node softmaxCrossEntropy(Graph g) {
    List<Node> z = List.of(g.param(0), g.param(1), g.param(2));
    List<Node> p = softmax(g, z);
    List<Node> terms = new ArrayList<>();
    List<Node> t = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      t.add(g.target(j));
      terms.add(g.mul(g.target(j), g.node(Op.LOG, p.get(j))));
    }
    List<Node> args = new ArrayList<>();
    args.add(g.neg(g.add(terms)));
    args.addAll(z);
    args.addAll(p);
    args.addAll(t);
    return g.node(Op.SOFTMAX_CROSS_ENTROPY, args, 0.0, 3);
  }

  /** −[t·ln o + (1 − t)·ln(1 − o)] with o = sigmoid(p0·p1), value computed naively. */
  private static Node sigmoidCrossEntropy(Graph g) {
    Node z = g.mul(g.param(0), g.param(1));
    Node o = g.node(Op.SIGMOID, z);
    Node t = g.target(0);
    Node one = g.constant(1.0);
    Node value = g.neg(g.add(
        g.mul(t, g.node(Op.LOG, o)), g.mul(g.sub(one, t), g.node(Op.LOG, g.sub(one, o)))));
    return g.node(Op.SIGMOID_CROSS_ENTROPY, List.of(value, z, o, t), 0.0, 0);
  }

  @Test
  void everyOpThatIsNotALeafHasAGateRule() {
    for (Op op : Op.values()) {
      if (op.isLeaf()) {
        assertThrows(MissingGateRuleException.class, () -> GateRules.of(op), op + " is a leaf");
      } else {
        assertTrue(GateRules.find(op).isPresent(), op + " has no gate rule");
        assertTrue(LOSSES.containsKey(op), op + " has no finite-difference check in this test");
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGateRuleMatchesFiniteDifferences() {
    return LOSSES.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> check(e.getKey(), e.getValue())));
  }

  private static void check(Op op, Function<Graph, Node> lossOf) {
    Graph g = new Graph();
    Node loss = lossOf.apply(g);
    List<Node> params = new ArrayList<>();
    for (int i = 0; i < P.length; i++) {
      params.add(g.param(i));
    }
    Gradient gradient = Differentiator.differentiate(g, loss, params);
    double[] x = {};
    for (int i = 0; i < P.length; i++) {
      double exact = new Evaluator(x, T, P).value(gradient.parameterGradients().get(i));
      final int k = i;
      double estimate =
          FiniteDifferences.derivative(
              theta -> {
                double[] p = P.clone();
                p[k] = theta;
                return new Evaluator(x, T, p).value(loss);
              },
              P[k]);
      assertEquals(
          0.0,
          FiniteDifferences.relativeError(exact, estimate),
          1e-8,
          op + ": dE/dp" + k + " = " + exact + " but finite differences give " + estimate);
    }
  }
}
