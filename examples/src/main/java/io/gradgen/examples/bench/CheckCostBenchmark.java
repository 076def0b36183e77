package io.gradgen.examples.bench;

import io.gradgen.examples.SeedNetModel;
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
 * What the generated argument checks cost: {@code SeedNetModel.predict} (two length checks, the
 * smallest body, where a check weighs most), as {@code generatedPredict}, against the same code
 * without them, as {@code baselinePredict}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CheckCostBenchmark {
  SeedNetModel checked;
  UncheckedSeedNet unchecked;
  double[] x;
  double[] y;

  @Setup
  public void setUp() {
    checked = new SeedNetModel(BenchData.uniform(SeedNetModel.PARAMETERS, 7));
    unchecked = new UncheckedSeedNet(checked.parameters().toArray());
    x = BenchData.uniform(SeedNetModel.INPUTS, 1);
    y = new double[SeedNetModel.OUTPUTS];
  }

  @Benchmark
  public void generatedPredict(Blackhole bh) {
    checked.predict(x, y);
    bh.consume(y[0]);
  }

  @Benchmark
  public void baselinePredict(Blackhole bh) {
    unchecked.predict(x, y);
    bh.consume(y[0]);
  }
}
