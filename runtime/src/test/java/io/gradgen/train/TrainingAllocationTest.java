package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.data.DataSet;
import io.gradgen.testing.LinearModel;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing once training has started: bytes allocated by this thread per
 * {@link TrainingSession#step()}, measured after warm-up, in each mode and with each optimizer.
 */
class TrainingAllocationTest {
  private static final int WARMUP = 100_000;
  private static final int STEPS = 100_000;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private double sink;

  private static DataSet data() {
    SplittableRandom random = new SplittableRandom(1);
    double[][] x = new double[50][];
    double[][] t = new double[50][];
    for (int i = 0; i < 50; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      t[i] = new double[] {random.nextDouble()};
    }
    return DataSet.of(x, t);
  }

  private double bytesPerStep(Optimizer optimizer, int batch) {
    TrainingSession session =
        Trainer.builder(optimizer)
            .miniBatch(batch)
            .regularization(L2Regularization.of(1e-4))
            .stopWhen(StopRule.maxEpochs(1))
            .build()
            .start(new LinearModel(3, true, 0, 0, 0, 0), data());
    for (int i = 0; i < WARMUP; i++) {
      sink += session.step();
    }
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    for (int i = 0; i < STEPS; i++) {
      sink += session.step();
    }
    long after = THREADS.getThreadAllocatedBytes(thread);
    return (after - before) / (double) STEPS;
  }

  @Test
  void onlineSgdStepsAllocateNothing() {
    assertEquals(0.0, bytesPerStep(new Sgd(1e-3), 1), 0.01);
  }

  @Test
  void miniBatchMomentumStepsAllocateNothing() {
    assertEquals(0.0, bytesPerStep(Momentum.nesterov(1e-3, 0.9), 8), 0.01);
  }

  @Test
  void fullBatchAdamStepsAllocateNothing() {
    assertEquals(0.0, bytesPerStep(new Adam(1e-3), Integer.MAX_VALUE), 0.01);
  }
}
