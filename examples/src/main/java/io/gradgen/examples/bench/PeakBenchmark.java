package io.gradgen.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The core's multiply-add peak, the physical limit the results table divides by: {@value
 * #MULTIPLY_ADDS} multiply-adds per call, in double and in float, as one fused {@code Math.fma}
 * and as a separate multiply and add (HotSpot does not contract {@code v * A + B} into an FMA).
 *
 * <p>Shaped for C2's vectorizer and for throughput, not latency: one counted loop over one array,
 * each element taken through {@value #CHAIN} multiply-adds in a register between its load and its
 * store, so memory traffic is an eighth of the arithmetic. SuperWord packs the loop into 4 (double)
 * or 8 (float) lanes and unrolls it, and the elements' chains are independent, so several vectors
 * are in flight at once and the multiply-add latency is hidden. Measured on this machine before
 * settling on this shape: eight arrays in one loop, or a single multiply-add per load, ran at a
 * quarter to a half of this rate. The arrays (16 KB in double, 8 KB in float) stay in the L1
 * cache. {@code v·A + B} with A = 15/16 and B = 1/16 has the fixed point 1, so the values neither
 * overflow nor become subnormal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeakBenchmark {
  /** Elements of the array. */
  static final int LENGTH = 2048;

  /** Multiply-adds per element per call. */
  static final int CHAIN = 8;

  /** Multiply-adds per call of each benchmark method. */
  public static final int MULTIPLY_ADDS = LENGTH * CHAIN;

  private static final double A = 0.9375;
  private static final double B = 0.0625;
  private static final float AF = 0.9375f;
  private static final float BF = 0.0625f;

  double[] doubles;
  float[] floats;

  @Setup
  public void setUp() {
    doubles = BenchData.uniform(LENGTH, 3);
    floats = BenchData.toFloat(doubles);
  }

  @Benchmark
  public void doubleFma(Blackhole bh) {
    double[] a = doubles;
    for (int i = 0; i < a.length; i++) {
      double v = a[i];
      v = Math.fma(v, A, B); v = Math.fma(v, A, B); v = Math.fma(v, A, B); v = Math.fma(v, A, B);
      v = Math.fma(v, A, B); v = Math.fma(v, A, B); v = Math.fma(v, A, B); v = Math.fma(v, A, B);
      a[i] = v;
    }
    bh.consume(a[0]);
  }

  @Benchmark
  public void doubleMultiplyAdd(Blackhole bh) {
    double[] a = doubles;
    for (int i = 0; i < a.length; i++) {
      double v = a[i];
      v = v * A + B; v = v * A + B; v = v * A + B; v = v * A + B;
      v = v * A + B; v = v * A + B; v = v * A + B; v = v * A + B;
      a[i] = v;
    }
    bh.consume(a[0]);
  }

  @Benchmark
  public void floatFma(Blackhole bh) {
    float[] a = floats;
    for (int i = 0; i < a.length; i++) {
      float v = a[i];
      v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF);
      v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF); v = Math.fma(v, AF, BF);
      a[i] = v;
    }
    bh.consume(a[0]);
  }

  @Benchmark
  public void floatMultiplyAdd(Blackhole bh) {
    float[] a = floats;
    for (int i = 0; i < a.length; i++) {
      float v = a[i];
      v = v * AF + BF; v = v * AF + BF; v = v * AF + BF; v = v * AF + BF;
      v = v * AF + BF; v = v * AF + BF; v = v * AF + BF; v = v * AF + BF;
      a[i] = v;
    }
    bh.consume(a[0]);
  }
}
