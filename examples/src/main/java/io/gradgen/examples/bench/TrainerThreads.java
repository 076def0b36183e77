package io.gradgen.examples.bench;

import io.gradgen.data.DataSet;
import io.gradgen.train.Initializer;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import io.gradgen.train.TrainingSession;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One trainer step (mini-batch gradient, then SGD) at 784-128-10 with 1 and 2 threads summing the
 * batch ({@link Trainer.Builder#threads}). Not one of {@code bench}'s table rows (its name does not
 * end in Benchmark); README's Performance section gives the command that runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainerThreads {
  @Param({"1", "2"})
  int threads;

  @Param({"64", "256"})
  int batch;

  private TrainingSession session;

  @Setup
  public void setUp() {
    Net784x128x10Model model = new Net784x128x10Model();
    Initializer.he().initialize(model, 1);
    int rows = 8 * batch;
    SplittableRandom r = new SplittableRandom(7);
    double[][] x = new double[rows][784];
    double[][] t = new double[rows][10];
    for (int n = 0; n < rows; n++) {
      for (int i = 0; i < 784; i++) {
        x[n][i] = r.nextDouble();
      }
      t[n][r.nextInt(10)] = 1;
    }
    session = Trainer.builder(new Sgd(1e-3)).miniBatch(batch).threads(threads).seed(1)
        .stopWhen(StopRule.maxEpochs(Integer.MAX_VALUE)).build().start(model, DataSet.of(x, t));
  }

  @Benchmark
  public double step() {
    return session.step();
  }
}
