package io.gradgen.examples.bench;

import io.gradgen.DifferentiableFloatModel;
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
 * {@link NetBenchmark} in {@code float}: a generated float model against a {@link
 * HandWrittenFloatNet}, the same operations on the same data (rounded to float) and weights (the
 * double twin's initial weights, rounded). Each network is a subclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class FloatNetBenchmark implements NetBenchmarkMethods {
  static final float LEARNING_RATE = (float) BenchData.LEARNING_RATE;

  DifferentiableFloatModel generated;
  HandWrittenFloatNet baseline;
  float[] x;
  float[] t;
  float[] y;
  float[] generatedGrad;
  float[] baselineGrad;
  float[] xs;
  float[] ts;
  float[] ys;
  float[][] xRows;
  float[][] tRows;

  /** A new generated float model of this network. */
  abstract DifferentiableFloatModel newModel();

  /** The double model of the same network, which the initializer fills. */
  abstract DifferentiableModel doubleTwin();

  /** The initializer of its weights. */
  abstract Initializer initializer();

  /** The hand-written float baseline with a copy of {@code parameters}. */
  abstract HandWrittenFloatNet newBaseline(float[] parameters);

  /** The target of every sample. */
  abstract double[] target(int outputs);

  @Setup
  public void setUp() {
    generated = newModel();
    DifferentiableModel twin = doubleTwin();
    initializer().initialize(twin, 42);
    float[] weights = BenchData.toFloat(twin.parameters().toArray());
    generated.parameters().copyFrom(weights);
    baseline = newBaseline(weights);
    int inputs = generated.inputCount();
    int outputs = generated.outputCount();
    x = BenchData.toFloat(BenchData.uniform(inputs, 1));
    t = BenchData.toFloat(target(outputs));
    y = new float[outputs];
    generatedGrad = new float[generated.parameterCount()];
    baselineGrad = new float[generated.parameterCount()];
    xRows = new float[BenchData.BATCH][];
    tRows = new float[BenchData.BATCH][];
    xs = new float[BenchData.BATCH * inputs];
    ts = new float[BenchData.BATCH * outputs];
    ys = new float[BenchData.BATCH * outputs];
    for (int n = 0; n < BenchData.BATCH; n++) {
      xRows[n] = BenchData.toFloat(BenchData.uniform(inputs, 100 + n));
      tRows[n] = t.clone();
      System.arraycopy(xRows[n], 0, xs, n * inputs, inputs);
      System.arraycopy(tRows[n], 0, ts, n * outputs, outputs);
    }
  }

  @Benchmark
  public void generatedPredict(Blackhole bh) {
    generated.predict(x, y);
    bh.consume(y[0]);
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
    bh.consume(generated.trainStep(x, t, LEARNING_RATE));
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    Arrays.fill(baselineGrad, 0f);
    bh.consume(baseline.gradient(x, t, baselineGrad));
    BenchData.sgdUpdate(baseline.parameters(), baselineGrad, LEARNING_RATE);
  }

  @Benchmark
  public void generatedBatchPredict(Blackhole bh) {
    generated.predict(xs, 0, ys, 0, BenchData.BATCH);
    bh.consume(ys[0]);
  }

  @Benchmark
  public void baselineBatchPredict(Blackhole bh) {
    float[] out = y;
    for (int n = 0; n < BenchData.BATCH; n++) {
      baseline.predict(xRows[n], out);
    }
    bh.consume(out[0]);
  }

  @Benchmark
  public void generatedBatchGradient(Blackhole bh) {
    bh.consume(generated.gradient(xs, 0, ts, 0, BenchData.BATCH, generatedGrad));
  }

  @Benchmark
  public void baselineBatchGradient(Blackhole bh) {
    float loss = 0f;
    for (int n = 0; n < BenchData.BATCH; n++) {
      loss += baseline.gradient(xRows[n], tRows[n], baselineGrad);
    }
    bh.consume(loss);
  }

  @Benchmark
  public void generatedBatchTrainStep(Blackhole bh) {
    bh.consume(generated.trainStep(xs, 0, ts, 0, BenchData.BATCH, LEARNING_RATE));
  }

  @Benchmark
  public void baselineBatchTrainStep(Blackhole bh) {
    Arrays.fill(baselineGrad, 0f);
    float loss = 0f;
    for (int n = 0; n < BenchData.BATCH; n++) {
      loss += baseline.gradient(xRows[n], tRows[n], baselineGrad);
    }
    BenchData.sgdUpdate(baseline.parameters(), baselineGrad, LEARNING_RATE / BenchData.BATCH);
    bh.consume(loss);
  }
}
