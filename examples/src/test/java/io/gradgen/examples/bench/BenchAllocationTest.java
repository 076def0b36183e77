package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every benchmarked method, generated and baseline, allocates nothing per call: bytes allocated by
 * this thread ({@code com.sun.management.ThreadMXBean}) over many calls, after a few warm-up calls.
 * Interpreted or compiled, this code has nothing for escape analysis to remove, so 0 is exact.
 * This is the exact figure behind the results table's {@code gc.alloc.rate.norm}, which also counts
 * JMH's own per-iteration allocation; the benchmarks themselves are not run here.
 */
class BenchAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static final Blackhole BH =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  /**
   * The fewest bytes per call over three rounds: a one-off allocation outside the code under test
   * (the bean's own first use, class initialization) shows in one round, a per-call one in all.
   */
  private static double bytesPerCall(int calls, Runnable call) {
    for (int i = 0; i < 20; i++) {
      call.run();
    }
    long thread = Thread.currentThread().getId();
    double fewest = Double.POSITIVE_INFINITY;
    for (int round = 0; round < 3; round++) {
      long before = THREADS.getThreadAllocatedBytes(thread);
      for (int i = 0; i < calls; i++) {
        call.run();
      }
      long bytes = THREADS.getThreadAllocatedBytes(thread) - before;
      fewest = Math.min(fewest, bytes / (double) calls);
    }
    return fewest;
  }

  @Test
  void seedNetBenchmarksAllocateNothing() {
    SeedNetBenchmark b = new SeedNetBenchmark();
    b.setUp();
    assertEquals(0.0, bytesPerCall(20_000, () -> b.generatedPredict(BH)), 0.0, "generatedPredict");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.baselinePredict(BH)), 0.0, "baselinePredict");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.generatedTrainStep(BH)), 0.0, "generatedTrainStep");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.baselineTrainStep(BH)), 0.0, "baselineTrainStep");
    assertEquals(0.0, bytesPerCall(312, () -> b.generatedBatchTrainStep(BH)), 0.0, "generatedBatchTrainStep");
  }

  @Test
  void net4x8x3BenchmarksAllocateNothing() {
    Net4x8x3Benchmark b = new Net4x8x3Benchmark();
    b.setUp();
    assertEquals(0.0, bytesPerCall(20_000, () -> b.generatedPredict(BH)), 0.0, "generatedPredict");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.baselinePredict(BH)), 0.0, "baselinePredict");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.generatedTrainStep(BH)), 0.0, "generatedTrainStep");
    assertEquals(0.0, bytesPerCall(20_000, () -> b.baselineTrainStep(BH)), 0.0, "baselineTrainStep");
    assertEquals(0.0, bytesPerCall(312, () -> b.generatedBatchTrainStep(BH)), 0.0, "generatedBatchTrainStep");
  }

  @Test
  void net64x32x10BenchmarksAllocateNothing() {
    Net64x32x10Benchmark b = new Net64x32x10Benchmark();
    b.setUp();
    assertEquals(0.0, bytesPerCall(2_000, () -> b.generatedPredict(BH)), 0.0, "generatedPredict");
    assertEquals(0.0, bytesPerCall(2_000, () -> b.baselinePredict(BH)), 0.0, "baselinePredict");
    assertEquals(0.0, bytesPerCall(2_000, () -> b.generatedTrainStep(BH)), 0.0, "generatedTrainStep");
    assertEquals(0.0, bytesPerCall(2_000, () -> b.baselineTrainStep(BH)), 0.0, "baselineTrainStep");
    assertEquals(0.0, bytesPerCall(31, () -> b.generatedBatchTrainStep(BH)), 0.0, "generatedBatchTrainStep");
  }

  @Test
  void net784x128x10BenchmarksAllocateNothing() {
    Net784x128x10Benchmark b = new Net784x128x10Benchmark();
    b.setUp();
    assertEquals(0.0, bytesPerCall(50, () -> b.generatedPredict(BH)), 0.0, "generatedPredict");
    assertEquals(0.0, bytesPerCall(50, () -> b.baselinePredict(BH)), 0.0, "baselinePredict");
    assertEquals(0.0, bytesPerCall(50, () -> b.generatedTrainStep(BH)), 0.0, "generatedTrainStep");
    assertEquals(0.0, bytesPerCall(50, () -> b.baselineTrainStep(BH)), 0.0, "baselineTrainStep");
    assertEquals(0.0, bytesPerCall(1, () -> b.generatedBatchTrainStep(BH)), 0.0, "generatedBatchTrainStep");
  }
}
