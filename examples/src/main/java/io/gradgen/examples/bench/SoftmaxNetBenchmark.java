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
 * The benchmarks of a softmax classifier (one hidden layer, cross-entropy): the generated model
 * against {@link HandWrittenSoftmaxNet}, the hand-written baseline with the same math and
 * parameters. {@code predict}, {@code gradient} of one sample, the training step (gradgen's fused
 * {@code trainStep} against the baseline's gradient into a cleared array plus the update), and a
 * batch-of-{@value BenchData#BATCH} step. Each network is a subclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class SoftmaxNetBenchmark {
  DifferentiableModel generated;
  HandWrittenSoftmaxNet baseline;
  double[] x;
  double[] t;
  double[] y;
  double[] generatedGrad;
  double[] baselineGrad;
  /** A batch of {@link BenchData#BATCH} samples: flat rows for the generated model, arrays for the baseline. */
  double[] xs;
  double[] ts;
  double[][] xRows;
  double[][] tRows;

  /** A new generated model of this network. */
  abstract DifferentiableModel newModel();

  /** The initializer of its weights. */
  abstract Initializer initializer();

  /** The hidden layer's activation, for the baseline. */
  abstract HandWrittenSoftmaxNet.Hidden hidden();

  @Setup
  public void setUp() {
    generated = newModel();
    initializer().initialize(generated, 42);
    int inputs = generated.inputCount();
    int outputs = generated.outputCount();
    int hiddenUnits = generated.layout().layers().get(0).units();
    baseline = new HandWrittenSoftmaxNet(hidden(), inputs, hiddenUnits, outputs, generated.parameters().toArray());
    x = BenchData.uniform(generated.inputCount(), 1);
    t = BenchData.oneHot(generated.outputCount(), 2);
    y = new double[generated.outputCount()];
    generatedGrad = new double[generated.parameterCount()];
    baselineGrad = new double[generated.parameterCount()];
    xRows = new double[BenchData.BATCH][];
    tRows = new double[BenchData.BATCH][];
    xs = new double[BenchData.BATCH * generated.inputCount()];
    ts = new double[BenchData.BATCH * generated.outputCount()];
    for (int n = 0; n < BenchData.BATCH; n++) {
      xRows[n] = BenchData.uniform(generated.inputCount(), 100 + n);
      tRows[n] = t.clone();
      System.arraycopy(xRows[n], 0, xs, n * generated.inputCount(), generated.inputCount());
      System.arraycopy(tRows[n], 0, ts, n * generated.outputCount(), generated.outputCount());
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
