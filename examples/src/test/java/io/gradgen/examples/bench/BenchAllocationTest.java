package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /**
   * Every benchmark method of {@code b}, generated and baseline: {@code calls} single-sample calls,
   * a 64th of them (at least one) for the batch methods.
   */
  private static void assertNothingAllocated(NetBenchmarkMethods b, int calls) {
    b.setUp();
    int batchCalls = Math.max(1, calls / BenchData.BATCH);
    Map<String, Runnable> methods = new LinkedHashMap<>();
    methods.put("generatedPredict", () -> b.generatedPredict(BH));
    methods.put("baselinePredict", () -> b.baselinePredict(BH));
    methods.put("generatedGradient", () -> b.generatedGradient(BH));
    methods.put("baselineGradient", () -> b.baselineGradient(BH));
    methods.put("generatedTrainStep", () -> b.generatedTrainStep(BH));
    methods.put("baselineTrainStep", () -> b.baselineTrainStep(BH));
    methods.put("generatedBatchPredict", () -> b.generatedBatchPredict(BH));
    methods.put("baselineBatchPredict", () -> b.baselineBatchPredict(BH));
    methods.put("generatedBatchGradient", () -> b.generatedBatchGradient(BH));
    methods.put("baselineBatchGradient", () -> b.baselineBatchGradient(BH));
    methods.put("generatedBatchTrainStep", () -> b.generatedBatchTrainStep(BH));
    methods.put("baselineBatchTrainStep", () -> b.baselineBatchTrainStep(BH));
    methods.forEach((name, call) -> assertEquals(
        0.0, bytesPerCall(name.contains("Batch") ? batchCalls : calls, call), 0.0,
        b.getClass().getSimpleName() + "." + name));
  }

  /** The FastMath activation networks and their relu twins: predict, the fused step, a batch of predictions. */
  @Test
  void activationNetworksAllocateNothing() {
    for (ActivationBenchmark b : java.util.List.of(new TanhActivationBenchmark(), new SigmoidActivationBenchmark())) {
      b.setUp();
      Map<String, Runnable> methods = new LinkedHashMap<>();
      methods.put("generatedPredict", () -> b.generatedPredict(BH));
      methods.put("baselinePredict", () -> b.baselinePredict(BH));
      methods.put("generatedTrainStep", () -> b.generatedTrainStep(BH));
      methods.put("generatedBatchPredict", () -> b.generatedBatchPredict(BH));
      methods.forEach((name, call) -> assertEquals(0.0, bytesPerCall(name.contains("Batch") ? 2 : 50, call), 0.0,
          b.getClass().getSimpleName() + "." + name));
    }
    for (FloatActivationBenchmark b : java.util.List.of(new FloatTanhActivationBenchmark(), new FloatSigmoidActivationBenchmark())) {
      b.setUp();
      Map<String, Runnable> methods = new LinkedHashMap<>();
      methods.put("generatedPredict", () -> b.generatedPredict(BH));
      methods.put("generatedTrainStep", () -> b.generatedTrainStep(BH));
      methods.put("generatedBatchPredict", () -> b.generatedBatchPredict(BH));
      methods.forEach((name, call) -> assertEquals(0.0, bytesPerCall(name.contains("Batch") ? 2 : 50, call), 0.0,
          b.getClass().getSimpleName() + "." + name));
    }
  }

  private static float sink;

  /** {@code loss} has no benchmark: checked here for a straight-line and a loop float model. */
  @Test
  void floatLossAllocatesNothing() {
    for (FloatNetBenchmark b : java.util.List.of(new SeedFloatBenchmark(), new Net64x32x10FloatBenchmark())) {
      b.setUp();
      assertEquals(0.0, bytesPerCall(2_000, () -> sink += b.generated.loss(b.x, b.t)), 0.0,
          b.getClass().getSimpleName() + " loss");
    }
  }

  @Test
  void floatBenchmarksAllocateNothing() {
    assertNothingAllocated(new SeedFloatBenchmark(), 20_000);
    assertNothingAllocated(new Net4x8x3FloatBenchmark(), 20_000);
    assertNothingAllocated(new Net64x32x10FloatBenchmark(), 2_000);
    assertNothingAllocated(new Net784x128x10FloatBenchmark(), 50);
  }

  @Test
  void seedNetBenchmarksAllocateNothing() {
    assertNothingAllocated(new SeedNetBenchmark(), 20_000);
  }

  @Test
  void net4x8x3BenchmarksAllocateNothing() {
    assertNothingAllocated(new Net4x8x3Benchmark(), 20_000);
  }

  @Test
  void net64x32x10BenchmarksAllocateNothing() {
    assertNothingAllocated(new Net64x32x10Benchmark(), 2_000);
  }

  @Test
  void net784x128x10BenchmarksAllocateNothing() {
    assertNothingAllocated(new Net784x128x10Benchmark(), 50);
  }
}
