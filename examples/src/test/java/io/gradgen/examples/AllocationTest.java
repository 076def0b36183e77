package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Generated methods allocate nothing: bytes allocated by this thread per call, measured with
 * {@code com.sun.management.ThreadMXBean} after the code has been warmed up (JIT-compiled).
 */
class AllocationTest {
  private static final int WARMUP = 200_000;
  private static final int CALLS = 100_000;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static double bytesPerCall(Runnable call) {
    for (int i = 0; i < WARMUP; i++) {
      call.run();
    }
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    long after = THREADS.getThreadAllocatedBytes(thread);
    return (after - before) / (double) CALLS;
  }

  private final SeedNetModel model = SeedExample.model();
  private final double[] x = SeedExample.INPUTS.clone();
  private final double[] t = SeedExample.TARGETS.clone();
  private final double[] y = new double[SeedNetModel.OUTPUTS];
  private final double[] grad = new double[SeedNetModel.PARAMETERS];
  private double sink;

  @Test
  void predictAllocatesNothing() {
    assertEquals(0.0, bytesPerCall(() -> model.predict(x, y)), 0.01);
  }

  @Test
  void lossAllocatesNothing() {
    assertEquals(0.0, bytesPerCall(() -> sink += model.loss(x, t)), 0.01);
  }

  @Test
  void aTrainingStepOfAGeneratedModelAllocatesNothing() {
    io.gradgen.data.DataSet iris =
        io.gradgen.data.OneHot.encode(ExampleData.iris(), 3);
    IrisNetModel net = new IrisNetModel();
    io.gradgen.train.Initializer.xavier().initialize(net, 1);
    io.gradgen.train.TrainingSession session =
        io.gradgen.train.Trainer.builder(new io.gradgen.train.Adam(1e-4))
            .miniBatch(16)
            .regularization(io.gradgen.train.L2Regularization.of(1e-4))
            .stopWhen(io.gradgen.train.StopRule.maxEpochs(1))
            .build()
            .start(net, iris);
    assertEquals(0.0, bytesPerCall(() -> sink += session.step()), 0.01);
  }

  @Test
  void gradientAllocatesNothing() {
    assertEquals(0.0, bytesPerCall(() -> sink += model.gradient(x, t, grad)), 0.01);
  }

  /** The loop form (DigitsNet is generated as loops): scratch arrays are per thread, made once. */
  @Test
  void theLoopFormAllocatesNothingEither() {
    DigitsNetModel digits = new DigitsNetModel();
    io.gradgen.train.Initializer.xavier().initialize(digits, 3);
    double[] pixels = new double[DigitsNetModel.INPUTS];
    java.util.Arrays.fill(pixels, 0.5);
    double[] label = new double[DigitsNetModel.OUTPUTS];
    label[7] = 1;
    double[] probabilities = new double[DigitsNetModel.OUTPUTS];
    double[] g = new double[DigitsNetModel.PARAMETERS];
    assertEquals(0.0, bytesPerCall(() -> digits.predict(pixels, probabilities)), 0.01, "predict");
    assertEquals(0.0, bytesPerCall(() -> sink += digits.loss(pixels, label)), 0.01, "loss");
    assertEquals(0.0, bytesPerCall(() -> sink += digits.gradient(pixels, label, g)), 0.01, "gradient");
  }

  @Test
  void theFusedStepAndTheBatchFormsAllocateNothing() {
    double[] xs = new double[4 * SeedNetModel.INPUTS];
    double[] ts = new double[4 * SeedNetModel.OUTPUTS];
    double[] ys = new double[4 * SeedNetModel.OUTPUTS];
    java.util.Arrays.fill(xs, 0.3);
    java.util.Arrays.fill(ts, 0.6);
    assertEquals(0.0, bytesPerCall(() -> sink += model.trainStep(x, t, 1e-9)), 0.01, "trainStep");
    assertEquals(0.0, bytesPerCall(() -> model.predict(xs, 0, ys, 0, 4)), 0.01, "batch predict");
    assertEquals(0.0, bytesPerCall(() -> sink += model.gradient(xs, 0, ts, 0, 4, grad)), 0.01, "batch gradient");
    assertEquals(0.0, bytesPerCall(() -> sink += model.trainStep(xs, 0, ts, 0, 4, 1e-9)), 0.01, "batch trainStep");
  }

  @Test
  void theLoopFormsFusedStepAndBatchFormsAllocateNothing() {
    DigitsNetModel digits = new DigitsNetModel();
    io.gradgen.train.Initializer.xavier().initialize(digits, 3);
    double[] xs = new double[4 * DigitsNetModel.INPUTS];
    double[] ts = new double[4 * DigitsNetModel.OUTPUTS];
    double[] ys = new double[4 * DigitsNetModel.OUTPUTS];
    java.util.Arrays.fill(xs, 0.5);
    for (int n = 0; n < 4; n++) {
      ts[n * DigitsNetModel.OUTPUTS + n] = 1;
    }
    double[] pixels = java.util.Arrays.copyOf(xs, DigitsNetModel.INPUTS);
    double[] label = java.util.Arrays.copyOf(ts, DigitsNetModel.OUTPUTS);
    double[] g = new double[DigitsNetModel.PARAMETERS];
    assertEquals(0.0, bytesPerCall(() -> sink += digits.trainStep(pixels, label, 1e-9)), 0.01, "trainStep");
    assertEquals(0.0, bytesPerCall(() -> digits.predict(xs, 0, ys, 0, 4)), 0.01, "batch predict");
    assertEquals(0.0, bytesPerCall(() -> sink += digits.gradient(xs, 0, ts, 0, 4, g)), 0.01, "batch gradient");
    assertEquals(0.0, bytesPerCall(() -> sink += digits.trainStep(xs, 0, ts, 0, 4, 1e-9)), 0.01, "batch trainStep");
  }

  /**
   * Every call on a thread of its own, as where each task runs on a new virtual thread: the
   * scratch arrays are shared through a pool, not made per thread (a ThreadLocal made them again on
   * each new thread: 198 KB per call here, 1.2 MB at 784-128-10).
   */
  @Test
  void callsOnNewThreadsAllocateNothing() throws InterruptedException {
    DigitsNetModel digits = new DigitsNetModel();
    io.gradgen.train.Initializer.xavier().initialize(digits, 3);
    double[] xs = new double[4 * DigitsNetModel.INPUTS];
    double[] ts = new double[4 * DigitsNetModel.OUTPUTS];
    double[] ys = new double[4 * DigitsNetModel.OUTPUTS];
    double[] x = new double[DigitsNetModel.INPUTS];
    double[] t = new double[DigitsNetModel.OUTPUTS];
    double[] g = new double[DigitsNetModel.PARAMETERS];
    java.util.Arrays.fill(xs, 0.5);
    Runnable calls = () -> {
      digits.predict(xs, 0, ys, 0, 4);
      sink += digits.gradient(xs, 0, ts, 0, 4, g);
      sink += digits.trainStep(xs, 0, ts, 0, 4, 1e-9);
      sink += digits.loss(x, t);
    };
    bytesPerCall(calls); // compiled, and the pool holds a scratch
    for (int i = 0; i < 10; i++) {
      long[] bytes = new long[1];
      Thread thread = new Thread(() -> {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        calls.run();
        bytes[0] = THREADS.getThreadAllocatedBytes(id) - before;
      });
      thread.start();
      thread.join();
      assertEquals(0, bytes[0], 0, "bytes allocated by the calls on new thread " + i);
    }
  }
}
