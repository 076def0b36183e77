package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks of one network in {@code double}: the generated model against a {@link
 * HandWrittenNet} with the same math and parameters. Single sample: {@code predict}, {@code
 * gradient}, and the training step (gradgen's fused {@code trainStep} against the baseline's
 * gradient into a cleared array plus the update). A batch of {@value BenchData#BATCH}: the batch
 * forms of the generated model against the baseline's loop over the rows. Each network is a
 * subclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class NetBenchmark implements NetBenchmarkMethods {
  DifferentiableModel generated;
  HandWrittenNet baseline;
  double[] x;
  double[] t;
  double[] y;
  double[] generatedGrad;
  double[] baselineGrad;
  /** A batch of {@link BenchData#BATCH} samples: flat rows for the generated model, arrays for the baseline. */
  double[] xs;
  double[] ts;
  double[] ys;
  double[][] xRows;
  double[][] tRows;

  /** A new generated model of this network. */
  abstract DifferentiableModel newModel();

  /** The initializer of its weights. */
  abstract Initializer initializer();

  /** The hand-written baseline with a copy of {@code parameters}. */
  abstract HandWrittenNet newBaseline(double[] parameters);

  /** The target of every sample. */
  abstract double[] target(int outputs);

  @Setup
  public void setUp() {
    generated = newModel();
    initializer().initialize(generated, 42);
    baseline = newBaseline(generated.parameters().toArray());
    int inputs = generated.inputCount();
    int outputs = generated.outputCount();
    x = BenchData.uniform(inputs, 1);
    t = target(outputs);
    y = new double[outputs];
    generatedGrad = new double[generated.parameterCount()];
    baselineGrad = new double[generated.parameterCount()];
    xRows = new double[BenchData.BATCH][];
    tRows = new double[BenchData.BATCH][];
    xs = new double[BenchData.BATCH * inputs];
    ts = new double[BenchData.BATCH * outputs];
    ys = new double[BenchData.BATCH * outputs];
    for (int n = 0; n < BenchData.BATCH; n++) {
      xRows[n] = BenchData.uniform(inputs, 100 + n);
      tRows[n] = t.clone();
      System.arraycopy(xRows[n], 0, xs, n * inputs, inputs);
      System.arraycopy(tRows[n], 0, ts, n * outputs, outputs);
    }
  }

  @Benchmark
  public void generatedPredict(Blackhole bh) {
    generated.predict(x, y);
    bh.consume(y[0]); // a double: Blackhole.consume(Object) may allocate when not a compiler blackhole
  }

  @Benchmark
  public void baselinePredict(Blackhole bh) {
    baseline.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void generatedGradient(Blackhole bh) {
    bh.consume(generated.gradient(x, t, generatedGrad));
  }

  @Benchmark
  public void baselineGradient(Blackhole bh) {
    bh.consume(baseline.gradient(x, t, baselineGrad));
  }

  /** gradgen's fused step: forward, backward and the delta rule in one pass. */
  @Benchmark
  public void generatedTrainStep(Blackhole bh) {
    bh.consume(generated.trainStep(x, t, BenchData.LEARNING_RATE));
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    Arrays.fill(baselineGrad, 0.0);
    bh.consume(baseline.gradient(x, t, baselineGrad));
    BenchData.sgdUpdate(baseline.parameters(), baselineGrad);
  }

  @Benchmark
  public void generatedBatchPredict(Blackhole bh) {
    generated.predict(xs, 0, ys, 0, BenchData.BATCH);
    bh.consume(ys[0]);
  }

  /** By hand: predict row after row (the rows as arrays, so no copying is timed). */
  @Benchmark
  public void baselineBatchPredict(Blackhole bh) {
    double[] out = y;
    for (int n = 0; n < BenchData.BATCH; n++) {
      baseline.predict(xRows[n], out);
    }
    bh.consume(out[0]);
  }

  @Benchmark
  public void generatedBatchGradient(Blackhole bh) {
    bh.consume(generated.gradient(xs, 0, ts, 0, BenchData.BATCH, generatedGrad));
  }

  /** By hand: the rows' gradients summed into one array. */
  @Benchmark
  public void baselineBatchGradient(Blackhole bh) {
    double loss = 0;
    for (int n = 0; n < BenchData.BATCH; n++) {
      loss += baseline.gradient(xRows[n], tRows[n], baselineGrad);
    }
    bh.consume(loss);
  }

  /** gradgen's mini-batch step over {@link BenchData#BATCH} rows: the mean gradient, then the delta rule. */
  @Benchmark
  public void generatedBatchTrainStep(Blackhole bh) {
    bh.consume(generated.trainStep(xs, 0, ts, 0, BenchData.BATCH, BenchData.LEARNING_RATE));
  }

  /** The same by hand: clear, sum the rows' gradients, then one update with η / batch. */
  @Benchmark
  public void baselineBatchTrainStep(Blackhole bh) {
    Arrays.fill(baselineGrad, 0.0);
    double loss = 0;
    for (int n = 0; n < BenchData.BATCH; n++) {
      loss += baseline.gradient(xRows[n], tRows[n], baselineGrad);
    }
    BenchData.sgdUpdate(baseline.parameters(), baselineGrad, BenchData.LEARNING_RATE / BenchData.BATCH);
    bh.consume(loss);
  }
}
