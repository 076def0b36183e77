package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import io.gradgen.DifferentiableFloatModel;
import io.gradgen.DifferentiableModel;
import io.gradgen.processor.testing.CompiledModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A logit past float's range (1e40 overflows to ∞ in a float loop model, where the double model
 * holds it) gives the softmax's limit, a one-hot, and a loss that is 0 or ∞ — never NaN, which
 * e^(z − max) with z = max = ∞ used to give.
 */
class InfiniteLogitTest {
  private static final CompiledModels COMPILED = CompiledModels.compile(List.of(
      declaration("FloatLoops", "FLOAT"), declaration("DoubleLoops", "DOUBLE"),
      JavaFileObjects.forSourceLines("inf.Binary", "package inf;", "import io.gradgen.*;",
          "@Network(inputs = 2, layers = @Dense(name = \"out\", units = 2, activation = Activation.SIGMOID, bias = Bias.NONE),",
          "    loss = Loss.BINARY_CROSS_ENTROPY, code = CodeShape.LOOPS, precision = Precision.FLOAT)",
          "public interface Binary {}"),
      JavaFileObjects.forSourceLines("inf.Linear", "package inf;", "import io.gradgen.*;",
          "@Network(inputs = 2, layers = @Dense(name = \"out\", units = 2, activation = Activation.IDENTITY, bias = Bias.NONE),",
          "    loss = Loss.HALF_SUM_SQUARED_ERROR, code = CodeShape.LOOPS, precision = Precision.FLOAT)",
          "public interface Linear {}")));

  private static javax.tools.JavaFileObject declaration(String name, String precision) {
    return JavaFileObjects.forSourceLines("inf." + name, "package inf;", "import io.gradgen.*;",
        "@Network(inputs = 2, layers = @Dense(name = \"out\", units = 3, activation = Activation.SOFTMAX, bias = Bias.NONE),",
        "    loss = Loss.CATEGORICAL_CROSS_ENTROPY, code = CodeShape.LOOPS, precision = Precision." + precision + ")",
        "public interface " + name + " {}");
  }

  /** Weights of z_j = w_j0·x0 + w_j1·x1, row by row; with x = (1e20, 1) logit j is w_j0·1e20 + w_j1. */
  private static final float[] WEIGHTS = {1e20f, 0, 0, 1, -1e20f, 0};
  private static final float[] X = {1e20f, 1};

  @Test
  void aFloatLogitPastFloatRangeGivesTheOneHotTheDoubleModelGives() {
    DifferentiableFloatModel floats = floatModel();
    float[] p = new float[3];
    floats.predict(X, p);
    assertArrayEquals(new float[] {1, 0, 0}, p, "softmax at z = (∞, 1, −∞)");

    DifferentiableModel doubles = COMPILED.model("inf.DoubleLoopsModel");
    for (int i = 0; i < WEIGHTS.length; i++) {
      doubles.parameters().set(i, WEIGHTS[i]);
    }
    double[] q = new double[3];
    doubles.predict(new double[] {X[0], X[1]}, q);
    assertArrayEquals(new double[] {1, 0, 0}, q, "the double twin, at z = (1e40, 1, −1e40)");
  }

  @Test
  void theLossIsZeroForTheInfiniteClassAndInfiniteForAnother() {
    DifferentiableFloatModel floats = floatModel();
    assertEquals(0f, floats.loss(X, new float[] {1, 0, 0}), "−ln p_0 with p_0 = 1");
    // The double model's loss, 1e40 − 1, rounds to float's ∞: the float model's loss is that.
    assertEquals(Float.POSITIVE_INFINITY, floats.loss(X, new float[] {0, 1, 0}), "−ln p_1");
  }

  @Test
  void theGradientIsFiniteInEveryForm() {
    DifferentiableFloatModel floats = floatModel();
    float[] gradient = new float[floats.parameterCount()];
    float[] target = {0, 1, 0};
    assertEquals(Float.POSITIVE_INFINITY, floats.gradient(X, target, gradient));
    // δ = p − t = (1, −1, 0); ∂E/∂w_ji = δ_j·x_i.
    assertArrayEquals(new float[] {1e20f, 1, -1e20f, -1, 0, 0}, gradient, "single sample");

    float[] batch = new float[floats.parameterCount()];
    float[] xs = {X[0], X[1], X[0], X[1]};
    float[] ts = {0, 1, 0, 0, 0, 1};
    assertEquals(Float.POSITIVE_INFINITY, floats.gradient(xs, 0, ts, 0, 2, batch));
    assertArrayEquals(new float[] {2e20f, 2, -1e20f, -1, -1e20f, -1}, batch, "batch of two");

    float[] ps = new float[6];
    floats.predict(xs, 0, ps, 0, 2);
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, ps, "batch predict");
  }

  @Test
  void twoInfiniteLogitsShareTheProbability() {
    DifferentiableFloatModel floats = floatModel();
    floats.parameters().set(2, 1e20f); // z_1 = ∞ too
    float[] p = new float[3];
    floats.predict(X, p);
    assertArrayEquals(new float[] {0.5f, 0.5f, 0}, p, "softmax at z = (∞, ∞, −∞)");
  }

  /**
   * Binary cross-entropy from the logit, max(z, 0) − z·t + ln(1 + e^−|z|), at z = (∞, −∞): ∞ − ∞·t
   * was NaN; the loss is now its limit, 0 where the target agrees and ∞ where it does not.
   */
  @Test
  void theBinaryCrossEntropyOfAnInfiniteLogitIsItsLimit() {
    DifferentiableFloatModel model = COMPILED.floatModel("inf.BinaryModel");
    float[] w = {1e20f, 0, -1e20f, 0}; // z = (∞, −∞) at x = (1e20, 1)
    for (int i = 0; i < w.length; i++) {
      model.parameters().set(i, w[i]);
    }
    assertEquals(0f, model.loss(X, new float[] {1, 0}), "targets that agree");
    assertEquals(Float.POSITIVE_INFINITY, model.loss(X, new float[] {0, 1}), "targets that disagree");
    float[] gradient = new float[4];
    assertEquals(0f, model.gradient(X, new float[] {1, 0}, gradient));
    assertArrayEquals(new float[] {0, 0, 0, 0}, gradient, "o − t = 0 at both units");
    float[] batch = new float[4];
    assertEquals(Float.POSITIVE_INFINITY, model.gradient(new float[] {X[0], X[1], X[0], X[1]}, 0,
        new float[] {1, 0, 0, 1}, 0, 2, batch), "batch loss");
    // δ = o − t = (1, −1) for the second row: ∂E/∂w = δ·x.
    assertArrayEquals(new float[] {1e20f, 1, -1e20f, -1}, batch, "batch gradient");
  }

  /**
   * A soft target 0 < t < 1 at an infinite logit: max(z, 0) − z·t is ∞ − ∞ as written; its limit
   * z·(1 − t) at z = ∞ and −z·t at z = −∞ is ∞, and the gradient o − t stays finite.
   */
  @Test
  void theBinaryCrossEntropyOfASoftTargetAtAnInfiniteLogitIsInfinite() {
    DifferentiableFloatModel model = COMPILED.floatModel("inf.BinaryModel");
    float[] w = {1e20f, 0, -1e20f, 0}; // z = (∞, −∞) at x = (1e20, 1)
    for (int i = 0; i < w.length; i++) {
      model.parameters().set(i, w[i]);
    }
    float[] soft = {0.25f, 0.75f};
    assertEquals(Float.POSITIVE_INFINITY, model.loss(X, soft), "soft targets");
    float[] gradient = new float[4];
    assertEquals(Float.POSITIVE_INFINITY, model.gradient(X, soft, gradient));
    // δ = o − t = (1 − 0.25, 0 − 0.75): ∂E/∂w = δ·x.
    assertArrayEquals(new float[] {0.75f * 1e20f, 0.75f, -0.75f * 1e20f, -0.75f}, gradient, "gradient");
    float[] batch = new float[4];
    assertEquals(Float.POSITIVE_INFINITY, model.gradient(new float[] {X[0], X[1], X[0], X[1]}, 0,
        new float[] {0.25f, 0.75f, 0.5f, 0.5f}, 0, 2, batch), "batch loss");
    // Finite logits keep the plain form's value: at z = (1, −1), t = 0.5, E = 1 + 2·ln(1 + e^−1).
    model.parameters().copyFrom(new float[] {0, 1, 0, -1});
    assertEquals((float) (1 + 2 * Math.log1p(Math.exp(-1))), model.loss(new float[] {0, 1}, new float[] {0.5f, 0.5f}),
        2 * Math.ulp(1.0f), "finite logits");
  }

  /**
   * A linear output past float's range is ∞ in predict and the loss, never NaN: the value says it
   * overflowed (the double model holds 1e40). Its δ = o − t is ∞ then, so this is where exactness
   * ends in float (README, Guarantees).
   */
  @Test
  void aLinearOutputPastFloatRangeIsInfiniteNotNaN() {
    DifferentiableFloatModel model = COMPILED.floatModel("inf.LinearModel");
    model.parameters().copyFrom(new float[] {1e20f, 0, -1e20f, 1}); // z = (∞, −∞) at x = (1e20, 1)
    float[] y = new float[2];
    model.predict(X, y);
    assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, y, "predict");
    assertEquals(Float.POSITIVE_INFINITY, model.loss(X, new float[] {0, 0}), "½Σ(o − t)²");
    float[] gradient = new float[4];
    assertEquals(Float.POSITIVE_INFINITY, model.gradient(X, new float[] {0, 0}, gradient), "the loss gradient returns");
  }

  private static DifferentiableFloatModel floatModel() {
    DifferentiableFloatModel model = COMPILED.floatModel("inf.FloatLoopsModel");
    for (int i = 0; i < WEIGHTS.length; i++) {
      model.parameters().set(i, WEIGHTS[i]);
    }
    return model;
  }
}
