package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import io.gradgen.data.DataSet;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A mini-batch's gradient summed by several threads: the same sum as one thread's to rounding, the
 * same bits for a given thread count, a worker's failure thrown to the caller, no allocation.
 */
class ParallelGradientTest {
  private static final int INPUTS = 4096;
  private static final int ROWS = 600;

  /** y = w·x + b with squared error, its batch gradient a pure function of its arguments. */
  private static class WideLinear implements DifferentiableModel {
    private final NetworkLayout layout = NetworkLayout.of(INPUTS, Loss.SUM_SQUARED_ERROR,
        List.of(new NetworkLayout.Layer("y", 1, Activation.IDENTITY, Bias.PER_NEURON)));
    final double[] w = new double[INPUTS + 1];
    private final Parameters view = Parameters.flat(layout, w);
    private final boolean threadSafe;

    WideLinear(boolean threadSafe) {
      this.threadSafe = threadSafe;
      SplittableRandom r = new SplittableRandom(5);
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextDouble(-0.01, 0.01);
      }
    }

    @Override public int inputCount() { return INPUTS; }
    @Override public int outputCount() { return 1; }
    @Override public int parameterCount() { return w.length; }
    @Override public Parameters parameters() { return view; }
    @Override public NetworkLayout layout() { return layout; }
    @Override public boolean isThreadSafe() { return threadSafe; }

    @Override
    public void predict(double[] x, double[] y) {
      y[0] = row(x, 0);
    }

    private double row(double[] xs, int from) {
      double y = w[INPUTS];
      for (int i = 0; i < INPUTS; i++) {
        y += w[i] * xs[from + i];
      }
      return y;
    }

    @Override
    public double loss(double[] x, double[] t) {
      double e = row(x, 0) - t[0];
      return e * e;
    }

    @Override
    public double gradient(double[] x, double[] t, double[] g) {
      return gradient(x, 0, t, 0, 1, g);
    }

    @Override
    public double gradient(double[] xs, int xOffset, double[] ts, int tOffset, int count, double[] g) {
      double loss = 0;
      for (int n = 0; n < count; n++) {
        int from = xOffset + n * INPUTS;
        double e = row(xs, from) - ts[tOffset + n];
        loss += e * e;
        for (int i = 0; i < INPUTS; i++) {
          g[i] += 2 * e * xs[from + i];
        }
        g[INPUTS] += 2 * e;
      }
      return loss;
    }
  }

  private static double[] rows(int count, int width, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[count * width];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  private static final double[] XS = rows(ROWS, INPUTS, 1);
  private static final double[] TS = rows(ROWS, 1, 2);

  @Test
  void theSlicesSumToTheOneThreadGradientAndRepeatBitForBit() {
    WideLinear model = new WideLinear(true);
    double[] single = new double[model.parameterCount()];
    double singleLoss = model.gradient(XS, 0, TS, 0, ROWS, single);
    for (int threads : new int[] {2, 3, 7}) {
      try (ParallelGradient parallel = new ParallelGradient(model, threads)) {
        double[] first = new double[model.parameterCount()];
        double loss = parallel.gradient(XS, TS, ROWS, first);
        assertEquals(singleLoss, loss, 1e-12 * singleLoss, threads + " threads: loss");
        for (int i = 0; i < first.length; i++) {
          assertEquals(single[i], first[i], 1e-12 * Math.max(1, Math.abs(single[i])), threads + " threads: ∂/∂w" + i);
        }
        for (int again = 0; again < 20; again++) {
          double[] next = new double[model.parameterCount()];
          assertEquals(loss, parallel.gradient(XS, TS, ROWS, next), 0, "loss, call " + again);
          assertArrayEquals(first, next, 0, threads + " threads, call " + again);
        }
      }
    }
  }

  @Test
  void fewerRowsThanThreadsLeaveSomeSlicesEmpty() {
    WideLinear model = new WideLinear(true);
    double[] single = new double[model.parameterCount()];
    model.gradient(XS, 0, TS, 0, 3, single);
    try (ParallelGradient parallel = new ParallelGradient(model, 5)) {
      double[] g = new double[model.parameterCount()];
      parallel.gradient(XS, TS, 3, g);
      assertArrayEquals(single, g, 1e-12);
    }
  }

  @Test
  void aWorkersExceptionIsThrownToTheCaller() {
    WideLinear failing = new WideLinear(true) {
      @Override
      public double gradient(double[] xs, int xOffset, double[] ts, int tOffset, int count, double[] g) {
        if (xOffset > 0) {
          throw new IllegalStateException("slice at " + xOffset);
        }
        return super.gradient(xs, xOffset, ts, tOffset, count, g);
      }
    };
    try (ParallelGradient parallel = new ParallelGradient(failing, 2)) {
      IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
          assertThrows(IllegalStateException.class, () -> parallel.gradient(XS, TS, ROWS, new double[INPUTS + 1])));
      assertEquals("slice at " + (ROWS / 2) * INPUTS, e.getMessage());
    }
  }

  private static TrainingSession session(DifferentiableModel model, int threads) {
    return Trainer.builder(new Sgd(1e-4)).miniBatch(300).seed(3).threads(threads)
        .stopWhen(StopRule.maxEpochs(3)).build().start(model, data());
  }

  private static DataSet data() {
    double[][] x = new double[ROWS][];
    double[][] t = new double[ROWS][];
    for (int n = 0; n < ROWS; n++) {
      x[n] = Arrays.copyOfRange(XS, n * INPUTS, (n + 1) * INPUTS);
      t[n] = new double[] {TS[n]};
    }
    return DataSet.of(x, t);
  }

  @Test
  void aRunWithTwoThreadsRepeatsItselfBitForBitAndAgreesWithOneThread() {
    WideLinear a = new WideLinear(true);
    WideLinear b = new WideLinear(true);
    WideLinear one = new WideLinear(true);
    session(a, 2).run();
    session(b, 2).run();
    session(one, 1).run();
    assertArrayEquals(a.w, b.w, 0, "two runs with two threads");
    assertFalse(Arrays.equals(a.w, one.w), "the sums are added in another order: not the same bits");
    assertArrayEquals(one.w, a.w, 1e-12, "one thread against two");
  }

  @Test
  void aModelThatIsNotThreadSafeTrainsOnTheCallingThreadAlone() {
    long before = trainerThreads();
    TrainingSession session = session(new WideLinear(false), 2);
    session.step();
    assertEquals(before, trainerThreads(), "no worker started");
    TrainingSession parallel = session(new WideLinear(true), 2);
    parallel.step();
    assertEquals(before + 1, trainerThreads(), "one worker beside the caller");
    parallel.run();
  }

  private static long trainerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("gradgen-trainer-")).count();
  }

  /**
   * Measured on both threads with ThreadMXBean after warm-up: a step allocates nothing. A window
   * of steps now and then shows a few bytes of the JIT's own (152 in one window of 500 seen), so
   * the bound is under one byte per step on average, far below one array of the step's.
   */
  @Test
  void aStepAllocatesNothingOnAnyThread() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    TrainingSession session = Trainer.builder(new Adam(1e-4)).miniBatch(300).seed(3).threads(2)
        .stopWhen(StopRule.maxEpochs(1_000_000)).build().start(new WideLinear(true), data());
    for (int i = 0; i < 3000; i++) {
      session.step();
    }
    long worker = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("gradgen-trainer-")).mapToLong(Thread::getId).findFirst().orElseThrow();
    long caller = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(caller) + threads.getThreadAllocatedBytes(worker);
    int steps = 2000;
    for (int i = 0; i < steps; i++) {
      session.step();
    }
    long after = threads.getThreadAllocatedBytes(caller) + threads.getThreadAllocatedBytes(worker);
    assertTrue(after - before < steps, (after - before) + " bytes allocated by " + steps + " steps on both threads");
  }

  @Test
  void threadsBelowOneAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(new Sgd(0.1)).threads(0));
    assertTrue(e.getMessage().contains("threads must be at least 1, but is 0"), e.getMessage());
  }
}
