package io.gradgen.examples;

import io.gradgen.examples.bench.Benchmarks;
import io.gradgen.examples.bench.Measurement;
import io.gradgen.examples.bench.PeakTable;
import io.gradgen.examples.bench.ResultsTable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;

/**
 * {@code bench [--quick] [--filter REGEX]}: runs the JMH benchmarks of {@code
 * io.gradgen.examples.bench} (generated model against a hand-written baseline for four networks in
 * double and float, plus the code-shape and argument-check comparisons) and prints the results
 * table, then the physical-limit table against the core's multiply-add peak, which {@code
 * PeakBenchmark} measures in every run.
 */
@CommandLine.Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "JMH: generated models against hand-written loops, printed as a table (see README, Performance).")
final class BenchCommand extends Command {
  @CommandLine.Option(names = "--quick", description = "-f 1 -wi 3 -w 1s -i 5 -r 1s (about 17 minutes) instead of -f 2 -wi 5")
  boolean quick;

  @CommandLine.Option(names = "--filter", paramLabel = "REGEX", defaultValue = "", description = "only the benchmarks whose Class.method matches")
  String filter;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Benchmarks.Settings settings = quick ? Benchmarks.Settings.QUICK : Benchmarks.Settings.DEFAULT;
    try {
      Pattern.compile(filter);
    } catch (PatternSyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--filter is not a regular expression: " + e.getDescription());
    }
    if (!Benchmarks.selectsAny(filter)) {
      err.println("bench: no benchmark matches --filter '" + filter + "'");
      return 2;
    }
    List<Measurement> measurements;
    try {
      measurements =
          Benchmarks.run(
              Benchmarks.options(settings, filter),
              OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
    } catch (NoBenchmarksException e) {
      // JMH's own signal (with no message) that the filter matched nothing.
      measurements = List.of();
    } catch (RunnerException e) {
      err.println("bench: JMH failed: " + e.getMessage());
      return 1;
    }
    if (measurements.isEmpty()) {
      err.println("bench: no benchmark matches --filter '" + filter + "'");
      return 2;
    }
    out.println();
    out.println(
        "JDK "
            + System.getProperty("java.vm.version")
            + " ("
            + System.getProperty("java.vm.name")
            + "), "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs; JMH avgt, "
            + settings
            + "; ± is the 99.9 % confidence half-width");
    out.println();
    out.print(ResultsTable.format(measurements));
    out.println();
    out.print(PeakTable.format(measurements));
    return 0;
  }
}
