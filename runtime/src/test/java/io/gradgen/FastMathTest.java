package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link FastMath} against {@link StrictMath}: the error bounds its Javadoc states, in ulps of the
 * reference, and those of the derivatives the gate rules build from the outputs (1 − t² and s·(1 −
 * s)). Floats: every 64th bit pattern, plus every float where the functions saturate or go
 * subnormal; {@code -Dgradgen.fastmath.everyFloat=true} checks all 2^32 (a few minutes). Doubles:
 * dense grids, random bit patterns, random arguments in the ranges that matter, and the
 * neighbourhoods of every threshold.
 */
class FastMathTest {
  /** The bounds FastMath's Javadoc states. */
  private static final double TANH_ULPS = 4;
  private static final double DOUBLE_ULPS = 2;
  private static final double FLOAT_ULPS = 1;

  private static final int FLOAT_STRIDE = Boolean.getBoolean("gradgen.fastmath.everyFloat") ? 1 : 64;

  /** The sigmoid from StrictMath's exp, in the form that neither overflows nor loses the tail. */
  static double sigmoidReference(double x) {
    if (x < 0) {
      double e = StrictMath.exp(x);
      return e / (1 + e);
    }
    return 1 / (1 + StrictMath.exp(-x));
  }

  /** |fast − reference| in ulps of the smaller of the two (so never understated); ∞ for NaN or ∞ mismatches. */
  static double ulps(double fast, double reference) {
    if (Double.isNaN(fast) || Double.isNaN(reference)) {
      return Double.isNaN(fast) && Double.isNaN(reference) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (fast == reference) {
      return 0;
    }
    if (Double.isInfinite(fast) || Double.isInfinite(reference)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(fast - reference) / Math.min(Math.ulp(fast), Math.ulp(reference));
  }

  static double ulps(float fast, float reference) {
    if (Float.isNaN(fast) || Float.isNaN(reference)) {
      return Float.isNaN(fast) && Float.isNaN(reference) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (fast == reference) {
      return 0;
    }
    if (Float.isInfinite(fast) || Float.isInfinite(reference)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs((double) fast - reference) / Math.min(Math.ulp(fast), Math.ulp(reference));
  }

  /** The largest errors seen over a set of floats: of the function, and of its derivative. */
  private static final class FloatErrors {
    double ulps;
    float worst;
    double derivative;
    float worstDerivative;

    void tanh(float x) {
      float t = FastMath.tanh(x);
      float reference = (float) StrictMath.tanh(x);
      double e = ulps(t, reference);
      if (e > ulps) {
        ulps = e;
        worst = x;
      }
      // t' = 1 − t², as the float loops compute it: off by what t's error implies, ≤ 2^−22
      double d = Math.abs((1f - t * t) - (1f - reference * reference)) / 0x1p-22;
      if (d > derivative) {
        derivative = d;
        worstDerivative = x;
      }
    }

    void sigmoid(float x) {
      float s = FastMath.sigmoid(x);
      float reference = (float) sigmoidReference(x);
      double e = ulps(s, reference);
      if (e > ulps) {
        ulps = e;
        worst = x;
      }
      // s·(1 − s) in float: 4 float ulps where the reference is ≤ ½, 2^−23 above
      float fast = s * (1f - s);
      float slow = reference * (1f - reference);
      double d = Math.abs(fast - slow) / (reference <= 0.5f ? 4 * Math.ulp(slow) : 0x1p-23);
      if (d > derivative) {
        derivative = d;
        worstDerivative = x;
      }
    }
  }

  /**
   * s·(1 − s) from s against it from the reference r, as a fraction of its bound: {@code ulps} of
   * the reference's derivative where r ≤ ½ (1 − s is near 1: s's error plus two roundings), {@code
   * absolute} above ½, where 1 − s cancels in both.
   */
  private static double sigmoidDerivativeError(double s, double r, double ulps, double absolute) {
    double fast = s * (1 - s);
    double reference = r * (1 - r);
    double bound = r <= 0.5 ? ulps * Math.ulp(reference) : absolute;
    return Math.abs(fast - reference) / bound;
  }

  private static void sweepFloats(Consumer<Float> check, long from, long to, long step) {
    for (long bits = from; bits < to; bits += step) {
      float x = Float.intBitsToFloat((int) bits);
      check.accept(x);
      check.accept(-x);
    }
  }

  /** Every FLOAT_STRIDE-th positive bit pattern and its negation, NaNs included. */
  private static void strided(Consumer<Float> check) {
    sweepFloats(check, 0, 1L << 31, FLOAT_STRIDE);
  }

  /** Every float of magnitude in [from, to]. */
  private static void every(Consumer<Float> check, float from, float to) {
    sweepFloats(check, Float.floatToRawIntBits(from), Float.floatToRawIntBits(to) + 1L, 1);
  }

  @Test
  void floatTanhIsWithinOneUlpOfStrictMath() {
    FloatErrors errors = new FloatErrors();
    strided(errors::tanh);
    every(errors::tanh, Float.MIN_VALUE, Float.MIN_NORMAL); // subnormal arguments
    every(errors::tanh, 8f, 10f); // where tanh rounds to 1
    every(errors::tanh, 0.1f, 0.4f); // where e^2x − 1 needs k = 0 and k = 1
    assertTrue(errors.ulps <= FLOAT_ULPS, () -> "tanh(" + errors.worst + "f) is " + errors.ulps + " ulps off");
    assertTrue(errors.derivative <= 1, () -> "1 − t² at " + errors.worstDerivative + "f is off by "
        + errors.derivative + " × 2^−22");
  }

  @Test
  void floatSigmoidIsWithinOneUlpOfStrictMath() {
    FloatErrors errors = new FloatErrors();
    strided(errors::sigmoid);
    every(errors::sigmoid, 85f, 104f); // −x: subnormal and underflowing results
    every(errors::sigmoid, 15f, 18f); // x: where σ rounds to 1
    every(errors::sigmoid, Float.MIN_VALUE, Float.MIN_NORMAL);
    assertTrue(errors.ulps <= FLOAT_ULPS, () -> "σ(" + errors.worst + "f) is " + errors.ulps + " ulps off");
    assertTrue(errors.derivative <= 1, () -> "s·(1 − s) at " + errors.worstDerivative + "f is off by "
        + errors.derivative + " × its bound");
  }

  /** The largest error of {@code fast} against {@code reference} over the double samples. */
  private static double[] worstDouble(DoubleUnaryOperator fast, DoubleUnaryOperator reference, double[] samples) {
    double worst = 0;
    double at = Double.NaN;
    for (double x : samples) {
      double e = ulps(fast.applyAsDouble(x), reference.applyAsDouble(x));
      if (e > worst) {
        worst = e;
        at = x;
      }
    }
    return new double[] {worst, at};
  }

  /**
   * Dense grids over [−800, 800] and near 0, random bit patterns (every exponent), random
   * arguments in [−40, 40], [−750, −700] and [700, 712], random subnormals, and 2^12 neighbours on
   * each side of the thresholds where tanh and σ round to ±1 and e^x overflows, goes subnormal or
   * underflows.
   */
  static double[] doubleSamples() {
    SplittableRandom random = new SplittableRandom(18);
    double[] thresholds = {19.0615474653984, 36.7368005696771, 709.782712893384, -708.3964185322641,
        -745.1332191019411, -744.4400719213812, 0.1732867951399863, 0.5198603854199589};
    int n = (1 << 22) + (1 << 20) + 3 * (1 << 20) + (1 << 20) + 2 * thresholds.length * (1 << 13);
    double[] samples = new double[n];
    int i = 0;
    for (int j = 0; j < 1 << 22; j++) {
      samples[i++] = -800 + j * (1600.0 / (1 << 22));
    }
    for (int j = 0; j < 1 << 20; j++) {
      samples[i++] = (j - (1 << 19)) * 0x1p-22;
    }
    for (int j = 0; j < 1 << 20; j++) {
      samples[i++] = Double.longBitsToDouble(random.nextLong());
      samples[i++] = random.nextDouble(-40, 40);
      samples[i++] = random.nextBoolean() ? random.nextDouble(-750, -700) : random.nextDouble(700, 712);
    }
    for (int j = 0; j < 1 << 20; j++) {
      samples[i++] = Double.longBitsToDouble(random.nextLong(1L << 52)) * (random.nextBoolean() ? 1 : -1);
    }
    for (double t : thresholds) {
      for (double x : new double[] {t, -t}) {
        double up = x;
        double down = x;
        for (int j = 0; j < 1 << 12; j++) {
          samples[i++] = up = Math.nextUp(up);
          samples[i++] = down = Math.nextDown(down);
        }
      }
    }
    return samples;
  }

  private static final double[] SAMPLES = doubleSamples();

  @Test
  void doubleTanhIsWithinFourUlpsOfStrictMath() {
    double[] worst = worstDouble(FastMath::tanh, StrictMath::tanh, SAMPLES);
    assertTrue(worst[0] <= TANH_ULPS, () -> "tanh(" + worst[1] + ") is " + worst[0] + " ulps off");
  }

  @Test
  void doubleSigmoidIsWithinTwoUlpsOfStrictMath() {
    double[] worst = worstDouble(FastMath::sigmoid, FastMathTest::sigmoidReference, SAMPLES);
    assertTrue(worst[0] <= DOUBLE_ULPS, () -> "σ(" + worst[1] + ") is " + worst[0] + " ulps off");
  }

  @Test
  void doubleExpIsWithinTwoUlpsOfStrictMath() {
    double[] worst = worstDouble(FastMath::exp, StrictMath::exp, SAMPLES);
    assertTrue(worst[0] <= DOUBLE_ULPS, () -> "exp(" + worst[1] + ") is " + worst[0] + " ulps off");
  }

  /** 1 − t² and s·(1 − s) from the fast outputs, against them from StrictMath's. */
  @Test
  void doubleDerivativesAreAsCloseAsTheOutputsAllow() {
    double tanhWorst = 0;
    double sigmoidWorst = 0;
    for (double x : SAMPLES) {
      if (Double.isNaN(x)) {
        continue;
      }
      double t = FastMath.tanh(x);
      double r = StrictMath.tanh(x);
      // 4 ulps of t (≤ 2^−51 below 1) move 1 − t² by at most 2^−50, plus the two roundings
      tanhWorst = Math.max(tanhWorst, Math.abs((1 - t * t) - (1 - r * r)) / 0x1p-49);
      sigmoidWorst = Math.max(sigmoidWorst,
          sigmoidDerivativeError(FastMath.sigmoid(x), sigmoidReference(x), DOUBLE_ULPS + 2, 0x1p-50));
    }
    assertTrue(tanhWorst <= 1, "1 − t² off by " + tanhWorst + " × 2^−49");
    assertTrue(sigmoidWorst <= 1, "s·(1 − s) off by " + sigmoidWorst + " × its bound");
  }

  @Test
  void specialValuesAreStrictMaths() {
    double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, -1e-300};
    for (double x : specials) {
      assertEquals(StrictMath.tanh(x), FastMath.tanh(x), "tanh(" + x + ")");
      assertEquals(StrictMath.exp(x), FastMath.exp(x), "exp(" + x + ")");
      assertEquals(sigmoidReference(x), FastMath.sigmoid(x), "σ(" + x + ")");
      float f = (float) x;
      assertEquals((float) StrictMath.tanh(f), FastMath.tanh(f), "tanh(" + f + "f)");
      assertEquals((float) sigmoidReference(f), FastMath.sigmoid(f), "σ(" + f + "f)");
    }
    // assertEquals compares doubles by their bits: the zeros above kept their signs
    assertEquals(-0.0, FastMath.tanh(-0.0));
    assertEquals(-0f, FastMath.tanh(-0f));
  }
}
