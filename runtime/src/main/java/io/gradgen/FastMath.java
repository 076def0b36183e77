package io.gradgen;

/**
 * Branch-free {@code exp}, {@code tanh} and the logistic sigmoid in plain Java arithmetic: what a
 * network declared with {@link MathMode#FAST} calls for its built-in activations instead of {@link
 * Math#tanh} (not a HotSpot intrinsic on JDK 17: a native call) and {@link Math#exp}.
 *
 * <p>Each function reduces its argument to {@code k·ln 2 + r} with {@code |r| ≤ ln 2 / 2}
 * (Cody–Waite: ln 2 in two parts, so {@code k·ln 2} is exact), evaluates the Taylor polynomial of
 * {@code e^r − 1} in Estrin's scheme (short dependency chains), and scales by {@code 2^k} built from
 * its exponent bits. There is no table and no branch: out-of-range arguments are clamped where the
 * result has already saturated or underflowed. NaN gives NaN, ±∞ the limits, −0.0 gives −0.0 where
 * the function is odd, and subnormal arguments and results are handled.
 *
 * <p>Error bounds, measured against {@link StrictMath} by {@code FastMathTest} (every float, and
 * dense and random doubles over the whole range): {@code tanh(double)} is within 4 ulps of {@code
 * StrictMath.tanh}, {@code exp(double)} within 2 ulps of {@code StrictMath.exp}, {@code
 * sigmoid(double)} within 2 ulps of the sigmoid computed from {@code StrictMath.exp} (as {@code 1 /
 * (1 + e^−x)} for x ≥ 0, {@code e^x / (1 + e^x)} below); the {@code float} functions compute in
 * {@code double} and are within 1 ulp of the {@code StrictMath} value rounded to float.
 */
public final class FastMath {
  private static final double LOG2E = 1.4426950408889634;
  /** ln 2 to 32 bits (its low 21 bits zero), so k·LN2_HI is exact for |k| < 2^21. */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  /** ln 2 − LN2_HI. */
  private static final double LN2_LO = 1.90821492927058770002e-10;

  // 1/(n+1)!: the Taylor coefficients of (e^r − 1)/r.
  private static final double C1 = 1.0 / 2;
  private static final double C2 = 1.0 / 6;
  private static final double C3 = 1.0 / 24;
  private static final double C4 = 1.0 / 120;
  private static final double C5 = 1.0 / 720;
  private static final double C6 = 1.0 / 5040;
  private static final double C7 = 1.0 / 40320;
  private static final double C8 = 1.0 / 362880;
  private static final double C9 = 1.0 / 3628800;
  private static final double C10 = 1.0 / 39916800;
  private static final double C11 = 1.0 / 479001600;
  private static final double C12 = 1.0 / 6227020800.0;

  /** tanh(x) is 1 in double past 19.06 (2·e^−2x below half an ulp of 1). */
  private static final double TANH_SATURATES = 20.0;
  /** tanh(x) is 1 in float past 9.01. */
  private static final double TANH_SATURATES_FLOAT = 10.0;
  /** e^x is 0 in double below −745.13 (under half the least subnormal) and ∞ past 709.78. */
  private static final double EXP_MIN = -746.0;
  private static final double EXP_MAX = 709.79;
  /** e^x in float is 0 below −103.97; the float sigmoid needs no more. */
  private static final double EXP_MIN_FLOAT = -104.0;

  private FastMath() {}

  /**
   * The hyperbolic tangent, within 4 ulps of {@link StrictMath#tanh(double)}.
   *
   * @param x any double
   * @return tanh(x); NaN for NaN, ±1 for ±∞, x itself for |x| below 2^−27 (−0.0 included)
   */
  public static double tanh(double x) {
    // tanh x = E / (E + 2) with E = e^2x − 1, which keeps small |x| accurate (no 1 − 2/(e^2x + 1))
    double t = 2 * Math.max(Math.min(x, TANH_SATURATES), -TANH_SATURATES);
    double k = Math.rint(t * LOG2E) + 0.0; // + 0.0 turns −0.0 into 0.0, so r keeps t's sign at 0
    double r = (t - k * LN2_HI) - k * LN2_LO;
    double e = expm1Scaled(r, powerOfTwo(k));
    return e / (e + 2);
  }

  /**
   * The hyperbolic tangent of a float, computed in double: within 1 ulp of {@code (float)
   * StrictMath.tanh(x)}.
   *
   * @param x any float
   * @return tanh(x); NaN for NaN, ±1 for ±∞, x itself for small |x| (−0.0 included)
   */
  public static float tanh(float x) {
    double t = 2 * Math.max(Math.min(x, TANH_SATURATES_FLOAT), -TANH_SATURATES_FLOAT);
    double k = Math.rint(t * LOG2E) + 0.0;
    double r = (t - k * LN2_HI) - k * LN2_LO;
    double p = powerOfTwo(k);
    double e = p * (r * shortSeries(r)) - (1 - p);
    return (float) (e / (e + 2));
  }

  /**
   * The logistic sigmoid 1 / (1 + e^−x), within 2 ulps of the value computed from {@link
   * StrictMath#exp(double)}, without overflow: below −709.78, where {@code 1 / (1 + Math.exp(-x))}
   * gives 0, it keeps e^x down to the subnormals.
   *
   * @param x any double
   * @return σ(x) in [0, 1]; NaN for NaN, 0 for −∞, 1 for ∞, ½ for ±0
   */
  public static double sigmoid(double x) {
    double e = exp(-Math.abs(x)); // e^−|x| ≤ 1: no overflow on either side
    return (x < 0 ? e : 1.0) / (1 + e);
  }

  /**
   * The logistic sigmoid of a float, computed in double: within 1 ulp of the float nearest the
   * sigmoid computed from {@link StrictMath#exp(double)}.
   *
   * @param x any float
   * @return σ(x) in [0, 1]; NaN for NaN, 0 for −∞, 1 for ∞, ½ for ±0
   */
  public static float sigmoid(float x) {
    double w = Math.max(-Math.abs((double) x), EXP_MIN_FLOAT);
    double k = Math.rint(w * LOG2E);
    double r = (w - k * LN2_HI) - k * LN2_LO;
    double p = powerOfTwo(k); // k ≥ −151: 2^k is a normal double
    double e = p + p * (r * shortSeries(r));
    return (float) ((x < 0 ? e : 1.0) / (1 + e));
  }

  /**
   * e^x, within 2 ulps of {@link StrictMath#exp(double)}, subnormal results included.
   *
   * @param x any double
   * @return e^x; NaN for NaN, 0 below −745.14 and for −∞, ∞ above 709.78
   */
  public static double exp(double x) {
    double w = Math.max(Math.min(x, EXP_MAX), EXP_MIN);
    double k = Math.rint(w * LOG2E);
    double r = (w - k * LN2_HI) - k * LN2_LO;
    // 2^k in two halves, each a normal double: the first product stays normal, the second rounds once
    long half = (long) k >> 1;
    double low = powerOfTwo(half);
    return (low + low * (r * series(r))) * powerOfTwo((long) k - half);
  }

  /** {@code 2^k·(e^r − 1) + (2^k − 1)} = e^(k·ln 2 + r) − 1, with r's sign kept at r = ±0. */
  private static double expm1Scaled(double r, double p) {
    // p − 1 is exact for |k| ≤ 53; subtracting (1 − p) keeps −0.0: −0.0 − 0.0 is −0.0
    return p * (r * series(r)) - (1 - p);
  }

  /** (e^r − 1)/r for |r| ≤ ln 2 / 2 to double precision: its Taylor series to r^12 (error < 2^−56). */
  private static double series(double r) {
    double r2 = r * r;
    double r4 = r2 * r2;
    double low = (1 + C1 * r) + r2 * (C2 + C3 * r);
    double mid = (C4 + C5 * r) + r2 * (C6 + C7 * r);
    double high = (C8 + C9 * r) + r2 * (C10 + C11 * r);
    return (low + r4 * mid) + r4 * r4 * (high + r4 * C12);
  }

  /** (e^r − 1)/r for |r| ≤ ln 2 / 2 to float precision and more: to r^7 (error < 2^−30). */
  private static double shortSeries(double r) {
    double r2 = r * r;
    return ((1 + C1 * r) + r2 * (C2 + C3 * r)) + r2 * r2 * ((C4 + C5 * r) + r2 * (C6 + C7 * r));
  }

  /** 2^k for an integral k in [−1022, 1023], from its exponent bits (1 for NaN, whose r is NaN). */
  private static double powerOfTwo(double k) {
    return powerOfTwo((long) k);
  }

  private static double powerOfTwo(long k) {
    return Double.longBitsToDouble((k + 1023) << 52);
  }
}
