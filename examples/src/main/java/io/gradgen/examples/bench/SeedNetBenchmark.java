package io.gradgen.examples.bench;

import io.gradgen.examples.SeedNetModel;
import io.gradgen.train.Initializer;
import java.util.Arrays;
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
 * 2-2-2 (sigmoid/sigmoid, shared biases, ½·SSE): the generated {@code SeedNetModel} against {@link HandWrittenSigmoidNet}, the hand-written baseline with the same
 * math and parameters. {@code predict}, {@code gradient} of one sample, and a training step
 * (gradient into a cleared array, then {@link BenchData#sgdUpdate}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeedNetBenchmark {
  SeedNetModel generated;
  HandWrittenSigmoidNet baseline;
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

  @Setup
  public void setUp() {
    generated = new SeedNetModel();
    Initializer.xavier().initialize(generated, 42);
    baseline = new HandWrittenSigmoidNet(2, 2, 2, generated.parameters().toArray());
    x = BenchData.uniform(SeedNetModel.INPUTS, 1);
    t = new double[] {0.85, 0.30};
    y = new double[SeedNetModel.OUTPUTS];
    generatedGrad = new double[SeedNetModel.PARAMETERS];
    baselineGrad = new double[SeedNetModel.PARAMETERS];
    xRows = new double[BenchData.BATCH][];
    tRows = new double[BenchData.BATCH][];
    xs = new double[BenchData.BATCH * SeedNetModel.INPUTS];
    ts = new double[BenchData.BATCH * SeedNetModel.OUTPUTS];
    for (int n = 0; n < BenchData.BATCH; n++) {
      xRows[n] = BenchData.uniform(SeedNetModel.INPUTS, 100 + n);
      tRows[n] = t.clone();
      System.arraycopy(xRows[n], 0, xs, n * SeedNetModel.INPUTS, SeedNetModel.INPUTS);
      System.arraycopy(tRows[n], 0, ts, n * SeedNetModel.OUTPUTS, SeedNetModel.OUTPUTS);
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
