package io.gradgen.examples.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarked networks, their speed-up targets, and how to run them through JMH's Java API
 * ({@link Runner}) with the GC profiler, returning one {@link Measurement} per benchmark.
 */
public final class Benchmarks {
  /**
   * A benchmarked network: its benchmark class and the speed-up over the hand-written baseline
   * that the performance issue asks of the generated {@code predict} and training step. A network
   * without a target (0) compares two generated forms instead, and {@code comparison} says what a
   * speed-up of at least 1 (within error) and one below 1 mean.
   */
  public record Network(String name, Class<?> benchmark, double targetSpeedUp, Comparison comparison) {
    Network(String name, Class<?> benchmark, double targetSpeedUp) {
      this(name, benchmark, targetSpeedUp, null);
    }
  }

  /**
   * What a network without a speed target shows: the verdict when the generated side is faster
   * (b/g − error > 1), slower (b/g + error < 1) or neither within error, and the operations it
   * measures (method suffixes, as in {@link #OPERATIONS}).
   */
  public record Comparison(String faster, String slower, String even, List<String> methodSuffixes) {}

  /** The operations benchmarked for {@code network}, in table order. */
  public static List<Operation> operations(Network network) {
    return network.comparison() == null
        ? OPERATIONS
        : OPERATIONS.stream().filter(o -> network.comparison().methodSuffixes().contains(o.methodSuffix())).toList();
  }

  /** What the activation rows time: one sample, the fused step, a batch of 64 predictions. */
  private static final List<String> ACTIVATION_OPERATIONS = List.of("Predict", "TrainStep", "BatchPredict");

  /** In the order the results table lists them. */
  public static final List<Network> NETWORKS =
      List.of(
          new Network("2-2-2", SeedNetBenchmark.class, 1.5),
          new Network("4-8-3", Net4x8x3Benchmark.class, 1.5),
          new Network("64-32-10", Net64x32x10Benchmark.class, 2.0),
          new Network("784-128-10", Net784x128x10Benchmark.class, 2.0),
          new Network("2-2-2 f32", SeedFloatBenchmark.class, 1.5),
          new Network("4-8-3 f32", Net4x8x3FloatBenchmark.class, 1.5),
          new Network("64-32-10 f32", Net64x32x10FloatBenchmark.class, 2.0),
          new Network("784-128-10 f32", Net784x128x10FloatBenchmark.class, 2.0),
          // "generated" is SeedNetModel.predict, "baseline" the same code without its argument checks.
          new Network("2-2-2 checks", CheckCostBenchmark.class, 0.0,
              new Comparison("argument checks: no measurable cost", "argument checks cost time",
                  "argument checks: no measurable cost", List.of("Predict"))),
          // "generated" is the shape CodeShape.AUTO chooses, "baseline" the other shape.
          new Network("8-8-8 shape", Square8ShapeBenchmark.class, 0.0,
              new Comparison("AUTO's straight-line is faster than loops", "loops are faster than AUTO's straight-line",
                  "straight-line and loops even, within error",
                  List.of("Predict", "TrainStep"))),
          new Network("12-12-12 shape", Square12ShapeBenchmark.class, 0.0,
              new Comparison("AUTO's loops are faster than straight-line", "straight-line is faster than AUTO's loops",
                  "loops and straight-line even, within error",
                  List.of("Predict", "TrainStep"))),
          // "generated" is 784-128-10 with a custom swish and loss, "baseline" the same with built-in tanh.
          new Network("784-128-10 swish", CustomSwishBenchmark.class, 0.0,
              new Comparison("the custom swish network is faster than built-in tanh",
                  "built-in tanh is faster than the custom swish network",
                  "custom swish and built-in tanh even, within error",
                  List.of("Predict", "TrainStep"))),
          // "generated" is 784-128-10 with the named hidden activation, "baseline" its relu twin: ≥ 0.77× is within 1.3×.
          new Network("784-128-10 tanh", TanhActivationBenchmark.class, 0.0,
              new Comparison("FastMath tanh is faster than relu", "FastMath tanh is slower than relu", "FastMath tanh and relu even, within error",
                  ACTIVATION_OPERATIONS)),
          new Network("784-128-10 sigmoid", SigmoidActivationBenchmark.class, 0.0,
              new Comparison("FastMath sigmoid is faster than relu", "FastMath sigmoid is slower than relu", "FastMath sigmoid and relu even, within error",
                  ACTIVATION_OPERATIONS)),
          new Network("784-128-10 Math.tanh", ExactTanhActivationBenchmark.class, 0.0,
              new Comparison("Math.tanh is faster than relu", "Math.tanh is slower than relu", "Math.tanh and relu even, within error",
                  ACTIVATION_OPERATIONS)),
          new Network("784-128-10 f32 tanh", FloatTanhActivationBenchmark.class, 0.0,
              new Comparison("FastMath tanh is faster than relu", "FastMath tanh is slower than relu", "FastMath tanh and relu even, within error",
                  ACTIVATION_OPERATIONS)),
          new Network("784-128-10 f32 sigmoid", FloatSigmoidActivationBenchmark.class, 0.0,
              new Comparison("FastMath sigmoid is faster than relu", "FastMath sigmoid is slower than relu", "FastMath sigmoid and relu even, within error",
                  ACTIVATION_OPERATIONS)));

  /** An operation: the benchmark methods' suffix and its name in the table. */
  public record Operation(String methodSuffix, String name) {}

  /** In table order: {@code generatedPredict} and {@code baselinePredict} are "predict", … */
  public static final List<Operation> OPERATIONS =
      List.of(
          new Operation("Predict", "predict"),
          new Operation("Gradient", "gradient"),
          new Operation("TrainStep", "train step"),
          new Operation("BatchPredict", "predict, batch 64"),
          new Operation("BatchGradient", "gradient, batch 64"),
          new Operation("BatchTrainStep", "train step, batch 64"));

  /**
   * Operations whose speed-up over the baseline has a target; {@code gradient} and the batch step
   * are measured for information (the batch target is throughput against the single-sample step).
   */
  public static boolean hasSpeedTarget(String operation) {
    return operation.equals("predict") || operation.equals("train step");
  }

  /** Measurement settings: forks, warm-up and measurement iterations of one second each. */
  public record Settings(int forks, int warmupIterations, int iterations) {
    /** {@code --quick}: -f 1 -wi 3 -w 1s -i 5 -r 1s, about 17 minutes for all 106 benchmarks. */
    public static final Settings QUICK = new Settings(1, 3, 5);

    /** The default: -f 2 -wi 5 -w 1s -i 5 -r 1s, about 40 minutes. */
    public static final Settings DEFAULT = new Settings(2, 5, 5);

    @Override
    public String toString() {
      return "-f " + forks + " -wi " + warmupIterations + " -w 1s -i " + iterations + " -r 1s -prof gc";
    }
  }

  private Benchmarks() {}

  /**
   * JMH options for the benchmarks whose name ({@code SeedNetBenchmark.generatedPredict}) contains
   * a match of {@code filter}, a regular expression (all of them if it is empty), and always {@link
   * PeakBenchmark}, so that every table has its own peak from the same run.
   */
  public static Options options(Settings settings, String filter) {
    OptionsBuilder options = new OptionsBuilder();
    options.include(include(filter));
    // every run that fills the table measures its own peak, for the physical-limit columns
    options.include(PEAK_INCLUDE);
    return options
        .forks(settings.forks())
        .warmupIterations(settings.warmupIterations())
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(settings.iterations())
        .measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .build();
  }

  private static final String PEAK_INCLUDE = "^" + PeakBenchmark.class.getName().replace(".", "\\.") + "\\.\\w+$";

  private static String include(String filter) {
    return "^(?=.*(?:" + filter + "))io\\.gradgen\\.examples\\.bench\\.\\w+Benchmark\\.\\w+$";
  }

  /**
   * Whether {@code filter} selects at least one benchmark of the table (the peak, which every run
   * adds, does not count), read from JMH's generated benchmark list without running anything.
   */
  public static boolean selectsAny(String filter) {
    OutputFormat silent =
        OutputFormatFactory.createFormatInstance(
            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);
    Pattern peak = Pattern.compile(PEAK_INCLUDE);
    return BenchmarkList.defaultList().find(silent, List.of(include(filter)), List.of()).stream()
        .anyMatch(entry -> !peak.matcher(entry.getUsername()).find());
  }

  /** Runs the benchmarks, JMH's progress going to {@code progress}. */
  public static List<Measurement> run(Options options, OutputFormat progress) throws RunnerException {
    return measurements(new Runner(options, progress).run());
  }

  static List<Measurement> measurements(Collection<RunResult> results) {
    List<Measurement> measurements = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(0, dot);
      String method = benchmark.substring(dot + 1);
      if (className.equals(PeakBenchmark.class.getName())) {
        Result<?> primary = result.getPrimaryResult();
        measurements.add(
            new Measurement(PeakTable.PEAK, method, true, primary.getScore(), primary.getScoreError(), Double.NaN));
        continue;
      }
      Optional<Network> network =
          NETWORKS.stream().filter(n -> n.benchmark().getName().equals(className)).findFirst();
      boolean generated = method.startsWith("generated");
      String suffix = method.substring(generated ? "generated".length() : "baseline".length());
      Optional<Operation> operation =
          OPERATIONS.stream().filter(o -> o.methodSuffix().equals(suffix)).findFirst();
      if (network.isEmpty() || operation.isEmpty()) {
        continue;
      }
      Result<?> primary = result.getPrimaryResult();
      double bytes = Double.NaN;
      for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
        if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = secondary.getValue().getScore();
        }
      }
      measurements.add(
          new Measurement(
              network.get().name(),
              operation.get().name(),
              generated,
              primary.getScore(),
              primary.getScoreError(),
              bytes));
    }
    return measurements;
  }
}
