package io.gradgen.processor.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.processor.model.LayerSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tensor rules: every differentiable op has one, and each agrees with central finite
 * differences of the reference interpreter on random shapes and values.
 */
class TensorRulesTest {
  private static final double H = 1e-5;

  @Test
  void everyDifferentiableOpHasARuleAndNoOtherOpHasOne() {
    for (TensorOp op : TensorOp.values()) {
      if (op.kind() == TensorOp.Kind.DIFFERENTIABLE) {
        TensorRules.Entry e = TensorRules.of(op);
        assertFalse(e.gate().isBlank(), op + " has a gate name");
        assertFalse(e.edge().isBlank(), op + " has an edge label");
      } else {
        assertThrows(IllegalStateException.class, () -> TensorRules.of(op), op + " is " + op.kind());
      }
    }
  }

  /** A test graph: the scalar loss and the parameter leaves it is differentiated with respect to. */
  private record Case(Tensor loss, List<Tensor> parameters) {}

  /** Builds a case from the graph, a random source, and the leaf table to fill. */
  private interface Builder {
    Case build(TensorGraph g, Random r, Leaves leaves);
  }

  /** Leaf values, made as leaves are made. */
  private static final class Leaves {
    final Map<Tensor, double[]> values = new HashMap<>();
    final Random random;
    int next;

    Leaves(Random random) {
      this.random = random;
    }

    Tensor vector(TensorGraph g, int n) {
      return fill(g.bias(next++, Shape.vector(n)));
    }

    Tensor scalar(TensorGraph g) {
      return fill(g.bias(next++, Shape.scalar()));
    }

    Tensor matrix(TensorGraph g, int rows, int cols) {
      return fill(g.weights(next++, rows, cols));
    }

    /** A constant vector: an input, which receives no gradient. */
    Tensor fixed(TensorGraph g, int n) {
      return fill(g.input(n));
    }

    Tensor fill(Tensor leaf) {
      double[] v = new double[leaf.shape().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextDouble() * 4 - 2;
      }
      values.put(leaf, v);
      return leaf;
    }
  }

  /** ⟨v, r⟩ for a fixed random r: a scalar that depends on every element of v. */
  private static Tensor probe(TensorGraph g, Tensor v, Leaves leaves) {
    Tensor r = leaves.fill(g.target(v.shape().dim(0)));
    return g.sum(g.mul(v, r));
  }

  private static Map<String, Builder> cases() {
    Map<String, Builder> cases = new LinkedHashMap<>();
    cases.put("matvec", (g, r, l) -> {
      Tensor w = l.matrix(g, 1 + r.nextInt(5), 1 + r.nextInt(5));
      Tensor x = l.vector(g, w.shape().dim(1));
      return new Case(probe(g, g.matvec(w, x), l), List.of(w, x));
    });
    cases.put("matvecT", (g, r, l) -> {
      Tensor w = l.matrix(g, 1 + r.nextInt(5), 1 + r.nextInt(5));
      Tensor d = l.vector(g, w.shape().dim(0));
      return new Case(probe(g, g.matvecT(w, d), l), List.of(w, d));
    });
    cases.put("outer", (g, r, l) -> {
      Tensor a = l.vector(g, 1 + r.nextInt(5));
      Tensor b = l.vector(g, 1 + r.nextInt(5));
      Tensor x = l.fixed(g, b.shape().dim(0));
      return new Case(probe(g, g.matvec(g.outer(a, b), x), l), List.of(a, b));
    });
    cases.put("add", (g, r, l) -> {
      int n = 1 + r.nextInt(6);
      Tensor a = l.vector(g, n);
      Tensor b = l.vector(g, n);
      return new Case(probe(g, g.add(a, b), l), List.of(a, b));
    });
    cases.put("mul", (g, r, l) -> {
      int n = 1 + r.nextInt(6);
      Tensor a = l.vector(g, n);
      Tensor b = l.vector(g, n);
      return new Case(probe(g, g.mul(a, b), l), List.of(a, b));
    });
    cases.put("broadcast", (g, r, l) -> {
      Tensor s = l.scalar(g);
      return new Case(probe(g, g.broadcast(s, Shape.vector(1 + r.nextInt(6))), l), List.of(s));
    });
    cases.put("sum (squared)", (g, r, l) -> {
      Tensor v = l.vector(g, 1 + r.nextInt(6));
      return new Case(g.mul(g.sum(v), g.sum(v)), List.of(v));
    });
    for (Activation a : Activations.builtIns()) {
      cases.put("map " + a, (g, r, l) -> {
        Tensor v = l.vector(g, 1 + r.nextInt(6));
        ElementFunction f = Activations.of(new LayerSpec("h", 1, a, Bias.NONE, "", 0.1), Map.of());
        return new Case(probe(g, g.map(f, v), l), List.of(v));
      });
    }
    cases.put("zip (squared error)", (g, r, l) -> {
      int n = 1 + r.nextInt(6);
      Tensor o = l.vector(g, n);
      Tensor t = l.vector(g, n);
      return new Case(g.sum(g.zip(ElementFunctions.squaredError(), List.of(o, t))), List.of(o, t));
    });
    cases.put("softmax", (g, r, l) -> {
      Tensor z = l.vector(g, 1 + r.nextInt(6));
      return new Case(probe(g, g.softmax(z), l), List.of(z));
    });
    cases.put("softmax cross-entropy", (g, r, l) -> {
      int n = 1 + r.nextInt(6);
      Tensor z = l.vector(g, n);
      Tensor t = g.input(n);
      double[] oneHot = new double[n];
      oneHot[r.nextInt(n)] = 1;
      l.values.put(t, oneHot);
      return new Case(g.softmaxCrossEntropy(z, t, g.softmax(z)), List.of(z));
    });
    cases.put("sigmoid cross-entropy", (g, r, l) -> {
      int n = 1 + r.nextInt(6);
      Tensor z = l.vector(g, n);
      Tensor t = g.input(n);
      double[] targets = new double[n];
      for (int i = 0; i < n; i++) {
        targets[i] = r.nextDouble();
      }
      l.values.put(t, targets);
      ElementFunction sigmoid = Activations.of(new LayerSpec("o", n, Activation.SIGMOID, Bias.NONE), Map.of());
      return new Case(g.sigmoidCrossEntropy(ElementFunctions.stableBinaryCrossEntropy(), z, t, g.map(sigmoid, z)),
          List.of(z));
    });
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyRuleAgreesWithCentralFiniteDifferencesOnRandomShapes() {
    return cases().entrySet().stream().flatMap(e -> Stream.of(1, 2, 3).map(seed ->
        DynamicTest.dynamicTest(e.getKey() + " #" + seed, () -> check(e.getValue(), new Random(seed * 31L + e.getKey().hashCode())))));
  }

  private static void check(Builder builder, Random random) {
    TensorGraph g = new TensorGraph();
    Leaves leaves = new Leaves(random);
    Case c = builder.build(g, random, leaves);
    TensorDifferentiator.Backprop bp = TensorDifferentiator.differentiate(g, c.loss(), c.parameters());
    TensorInterpreter at = new TensorInterpreter(leaves.values);
    for (int p = 0; p < c.parameters().size(); p++) {
      Tensor leaf = c.parameters().get(p);
      double[] exact = at.value(bp.parameterGradients().get(p));
      assertEquals(leaf.shape().size(), exact.length, "gradient shape of " + leaf);
      for (int i = 0; i < exact.length; i++) {
        double estimate = (lossWith(c.loss(), leaves, leaf, i, H) - lossWith(c.loss(), leaves, leaf, i, -H)) / (2 * H);
        double error = Math.abs(exact[i] - estimate) / Math.max(1, Math.abs(estimate));
        assertTrue(error < 1e-6, "∂E/∂" + leaf + "[" + i + "]: rule " + exact[i] + ", finite differences " + estimate);
      }
    }
  }

  private static double lossWith(Tensor loss, Leaves leaves, Tensor leaf, int i, double h) {
    Map<Tensor, double[]> values = new HashMap<>(leaves.values);
    double[] v = values.get(leaf).clone();
    v[i] += h;
    values.put(leaf, v);
    return new TensorInterpreter(values).scalar(loss);
  }

  @Test
  void matvecAndItsTransposeSatisfyTheAdjointIdentity() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      TensorGraph g = new TensorGraph();
      Leaves leaves = new Leaves(random);
      Tensor w = leaves.matrix(g, 1 + random.nextInt(8), 1 + random.nextInt(8));
      Tensor x = leaves.vector(g, w.shape().dim(1));
      Tensor u = leaves.vector(g, w.shape().dim(0));
      TensorInterpreter at = new TensorInterpreter(leaves.values);
      double left = dot(at.value(g.matvec(w, x)), at.value(u));
      double right = dot(at.value(x), at.value(g.matvecT(w, u)));
      assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)), "⟨W·x, u⟩ = ⟨x, Wᵀ·u⟩");
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void fanOutSumsTheAdjointsOfEveryConsumer() {
    TensorGraph g = new TensorGraph();
    Leaves leaves = new Leaves(new Random(3));
    Tensor v = leaves.vector(g, 3);
    // E = Σ v + Σ v⊙v: ∂E/∂v = 1 + 2v, two consumers of v summed.
    Tensor e = g.add(g.sum(v), g.sum(g.mul(v, v)));
    Tensor gradient = TensorDifferentiator.differentiate(g, e, List.of(v)).parameterGradients().get(0);
    double[] value = leaves.values.get(v);
    double[] exact = new TensorInterpreter(leaves.values).value(gradient);
    for (int i = 0; i < 3; i++) {
      assertEquals(1 + 2 * value[i], exact[i], 1e-12);
    }
    assertTrue(g.noteOf(gradient).orElseThrow().startsWith("fan-out sums"), g.noteOf(gradient).orElseThrow());
  }

}
