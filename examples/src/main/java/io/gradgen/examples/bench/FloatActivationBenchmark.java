package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Float 784-128-10 with a tanh or sigmoid hidden layer ("generated") against its relu twin
 * ("baseline"), same parameters and inputs, in one run: {@code predict}, the fused step and a
 * batch of {@value BenchData#BATCH} predictions. A speed-up of at least 1/1.3 = 0.77 means the
 * activation network runs within 1.3× of the relu one's time. Subclasses pick the activation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class FloatActivationBenchmark {
  DifferentiableFloatModel activation;
  DifferentiableFloatModel relu;
  float[] x;
  float[] t;
  float[] y;
  float[] xs;
  float[] ys;

  abstract DifferentiableFloatModel activationModel();

  @Setup
  public void setUp() {
    activation = activationModel();
    relu = new ActivationNets_FloatReluModel();
    float[] weights = BenchData.toFloat(BenchData.uniform(activation.parameterCount(), 42));
    for (int i = 0; i < weights.length; i++) {
      weights[i] *= 0.05f; // about Xavier's scale for 784 inputs
    }
    activation.parameters().copyFrom(weights);
    relu.parameters().copyFrom(activation.parameters().toArray());
    x = BenchData.toFloat(BenchData.uniform(activation.inputCount(), 1));
    t = BenchData.toFloat(BenchData.oneHot(activation.outputCount(), 2));
    y = new float[activation.outputCount()];
    xs = new float[BenchData.BATCH * x.length];
    for (int n = 0; n < BenchData.BATCH; n++) {
      System.arraycopy(BenchData.toFloat(BenchData.uniform(x.length, 100 + n)), 0, xs, n * x.length, x.length);
    }
    ys = new float[BenchData.BATCH * y.length];
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
    bh.consume(activation.trainStep(x, t, (float) BenchData.LEARNING_RATE));
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    bh.consume(relu.trainStep(x, t, (float) BenchData.LEARNING_RATE));
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
