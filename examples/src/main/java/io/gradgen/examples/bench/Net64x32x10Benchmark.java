package io.gradgen.examples.bench;

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
 * 64-32-10 (relu/softmax, cross-entropy): the generated {@code Net64x32x10Model} against {@link HandWrittenSoftmaxNet}, the hand-written baseline with the same
 * math and parameters. {@code predict}, {@code gradient} of one sample, and a training step
 * (gradient into a cleared array, then {@link BenchData#sgdUpdate}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Net64x32x10Benchmark {
  Net64x32x10Model generated;
  HandWrittenSoftmaxNet baseline;
  double[] x;
  double[] t;
  double[] y;
  double[] generatedGrad;
  double[] baselineGrad;

  @Setup
  public void setUp() {
    generated = new Net64x32x10Model();
    Initializer.he().initialize(generated, 42);
    baseline = new HandWrittenSoftmaxNet(HandWrittenSoftmaxNet.Hidden.RELU, 64, 32, 10, generated.parameters());
    x = BenchData.uniform(Net64x32x10Model.INPUTS, 1);
    t = BenchData.oneHot(Net64x32x10Model.OUTPUTS, 2);
    y = new double[Net64x32x10Model.OUTPUTS];
    generatedGrad = new double[Net64x32x10Model.PARAMETERS];
    baselineGrad = new double[Net64x32x10Model.PARAMETERS];
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

  @Benchmark
  public void generatedTrainStep(Blackhole bh) {
    Arrays.fill(generatedGrad, 0.0);
    bh.consume(generated.gradient(x, t, generatedGrad));
    BenchData.sgdUpdate(generated.parameters(), generatedGrad);
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    Arrays.fill(baselineGrad, 0.0);
    bh.consume(baseline.gradient(x, t, baselineGrad));
    BenchData.sgdUpdate(baseline.parameters(), baselineGrad);
  }
}
