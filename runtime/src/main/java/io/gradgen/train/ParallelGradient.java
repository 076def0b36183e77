package io.gradgen.train;

import io.gradgen.DifferentiableModel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A mini-batch's gradient summed by several threads: the rows are split into contiguous slices, one
 * per thread, the calling thread takes the first, and the slices' gradients and losses are added in
 * slice order — so a result is the same bit for bit for a given number of threads. The workers are
 * daemon threads started once; they wait parked between steps, and a step allocates nothing.
 *
 * <p>Reads of the model from all threads at once need a model that allows them ({@link
 * DifferentiableModel#isThreadSafe}).
 */
final class ParallelGradient implements AutoCloseable {
  /** Spins before a waiting thread parks: a step's handoff then costs no wake-up where it is short. */
  private static final int SPINS = 20_000;

  private final DifferentiableModel model;
  private final int threads;
  private final double[][] partial;
  private final double[] losses;
  private final Thread[] workers;
  private final AtomicInteger pending = new AtomicInteger();

  // The task, written before generation is raised and read after it is seen (volatile ordering).
  private double[] xs;
  private double[] ts;
  private int count;
  private volatile Thread caller;
  private volatile long generation;
  private volatile boolean closed;
  private volatile Throwable failure;

  ParallelGradient(DifferentiableModel model, int threads) {
    if (threads < 2) {
      throw new IllegalArgumentException("a parallel gradient needs at least 2 threads, not " + threads);
    }
    this.model = model;
    this.threads = threads;
    this.partial = new double[threads][];
    this.losses = new double[threads];
    this.workers = new Thread[threads];
    for (int k = 1; k < threads; k++) {
      partial[k] = new double[model.parameterCount()];
      int slice = k;
      workers[k] = new Thread(() -> work(slice), "gradgen-trainer-" + k);
      workers[k].setDaemon(true);
      workers[k].start();
    }
  }

  int threads() {
    return threads;
  }

  /**
   * Adds the gradient of {@code count} rows of {@code xs} and {@code ts} (row after row, from 0)
   * into {@code gradient} and returns the sum of their losses.
   */
  double gradient(double[] xs, double[] ts, int count, double[] gradient) {
    this.xs = xs;
    this.ts = ts;
    this.count = count;
    failure = null;
    pending.set(threads - 1);
    caller = Thread.currentThread();
    generation++; // publishes the task
    for (int k = 1; k < threads; k++) {
      LockSupport.unpark(workers[k]);
    }
    RuntimeException own = null;
    double loss = 0;
    try {
      loss = slice(0, gradient);
    } catch (RuntimeException e) {
      own = e;
    }
    for (int spin = 0; pending.get() != 0; spin++) {
      if (spin >= SPINS) {
        LockSupport.park(this);
      } else {
        Thread.onSpinWait();
      }
    }
    if (own != null) {
      throw own;
    }
    Throwable failed = failure;
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    for (int k = 1; k < threads; k++) {
      loss += losses[k];
      double[] g = partial[k];
      for (int i = 0; i < g.length; i++) {
        gradient[i] += g[i];
      }
    }
    return loss;
  }

  /** Slice k's rows, [k·count/threads, (k+1)·count/threads), added into {@code into}. */
  private double slice(int k, double[] into) {
    int from = (int) ((long) k * count / threads);
    int to = (int) ((long) (k + 1) * count / threads);
    if (to == from) {
      return 0;
    }
    return model.gradient(xs, from * model.inputCount(), ts, from * model.outputCount(), to - from, into);
  }

  private void work(int k) {
    long seen = 0;
    int spin = 0;
    while (!closed) {
      long g = generation;
      if (g == seen) {
        if (++spin >= SPINS) {
          LockSupport.park(this);
        } else {
          Thread.onSpinWait();
        }
        continue;
      }
      seen = g;
      spin = 0;
      try {
        Arrays.fill(partial[k], 0.0);
        losses[k] = slice(k, partial[k]);
      } catch (Throwable e) { // an Error too: the caller must not wait for a dead worker
        failure = e;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Stops the workers; they end once they wake. */
  @Override
  public void close() {
    closed = true;
    for (int k = 1; k < threads; k++) {
      LockSupport.unpark(workers[k]);
    }
  }
}
