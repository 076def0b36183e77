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
 * Two generated models of the same sizes on the same parameters and input, {@code predict} and the
 * fused training step: "generated" in the results table is {@link #chosenShape}, "baseline" {@link
 * #otherShape}. For the shape rows, one network in the shape {@code CodeShape.AUTO} chooses against
 * the same network forced into the other shape (a speed-up above 1 means {@code AUTO} chose the
 * faster shape); for the swish row, a custom activation against built-in tanh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class ShapeBenchmark {
  DifferentiableModel chosen;
  DifferentiableModel other;
  double[] x;
  double[] t;
  double[] y;

  /** The network in the shape {@code AUTO} chooses. */
  abstract DifferentiableModel chosenShape();

  /** The same network in the other shape. */
  abstract DifferentiableModel otherShape();

  @Setup
  public void setUp() {
    chosen = chosenShape();
    other = otherShape();
    Initializer.xavier().initialize(chosen, 42);
    other.parameters().copyFrom(chosen.parameters().toArray());
    x = BenchData.uniform(chosen.inputCount(), 1);
    t = BenchData.oneHot(chosen.outputCount(), 2);
    y = new double[chosen.outputCount()];
  }

  @Benchmark
  public void generatedPredict(Blackhole bh) {
    chosen.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void baselinePredict(Blackhole bh) {
    other.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void generatedTrainStep(Blackhole bh) {
    bh.consume(chosen.trainStep(x, t, BenchData.LEARNING_RATE));
  }

  @Benchmark
  public void baselineTrainStep(Blackhole bh) {
    bh.consume(other.trainStep(x, t, BenchData.LEARNING_RATE));
  }
}
