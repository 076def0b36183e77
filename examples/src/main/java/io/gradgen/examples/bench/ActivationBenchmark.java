package io.gradgen.examples.bench;

import io.gradgen.DifferentiableModel;
import io.gradgen.train.Initializer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 784-128-10 with a tanh or sigmoid hidden layer ("generated") against its relu twin
 * ("baseline"), same parameters and inputs, in one run: {@code predict}, the fused step and a
 * batch of {@value BenchData#BATCH} predictions. A speed-up of at least 1/1.3 = 0.77 means the
 * activation network runs within 1.3× of the relu one's time. Subclasses pick the activation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class ActivationBenchmark {
  DifferentiableModel activation;
  DifferentiableModel relu;
  double[] x;
  double[] t;
  double[] y;
  double[] xs;
  double[] ys;

  abstract DifferentiableModel activationModel();

  @Setup
  public void setUp() {
    activation = activationModel();
    relu = new Net784x128x10Model();
    Initializer.xavier().initialize(activation, 42);
    relu.parameters().copyFrom(activation.parameters().toArray());
    x = BenchData.uniform(activation.inputCount(), 1);
    t = BenchData.oneHot(activation.outputCount(), 2);
    y = new double[activation.outputCount()];
    xs = new double[BenchData.BATCH * x.length];
    for (int n = 0; n < BenchData.BATCH; n++) {
      System.arraycopy(BenchData.uniform(x.length, 100 + n), 0, xs, n * x.length, x.length);
    }
    ys = new double[BenchData.BATCH * y.length];
  }

  @Benchmark
  public void generatedPredict(Blackhole bh) {
    activation.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void baselinePredict(Blackhole bh) {
    relu.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void generatedTrainStep(Blackhole bh) {
    bh.consume(activation.trainStep(x, t, BenchData.LEARNING_RATE));
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    bh.consume(relu.trainStep(x, t, BenchData.LEARNING_RATE));
  }

  @Benchmark
  public void generatedBatchPredict(Blackhole bh) {
    activation.predict(xs, 0, ys, 0, BenchData.BATCH);
    bh.consume(ys[0]);
  }

  @Benchmark
  public void baselineBatchPredict(Blackhole bh) {
    relu.predict(xs, 0, ys, 0, BenchData.BATCH);
    bh.consume(ys[0]);
  }
}
