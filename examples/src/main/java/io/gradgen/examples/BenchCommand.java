package io.gradgen.examples;

import io.gradgen.examples.bench.Benchmarks;
import io.gradgen.examples.bench.Measurement;
import io.gradgen.examples.bench.ResultsTable;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code bench [--quick] [--filter REGEX]}: runs the JMH benchmarks of {@code
 * io.gradgen.examples.bench} (generated model against a hand-written baseline for four networks in
 * double and float, plus the code-shape and argument-check comparisons) and prints the results
 * table.
 */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String usage() {
    return "bench [--quick] [--filter REGEX]   JMH: generated models against hand-written loops, as a table";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Benchmarks.Settings settings = Benchmarks.Settings.DEFAULT;
    String filter = "";
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--quick")) {
        settings = Benchmarks.Settings.QUICK;
      } else if (arg.equals("--filter") && i + 1 < args.size()) {
        filter = args.get(++i);
        try {
          Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
          err.println("bench: --filter is not a regular expression: " + e.getDescription());
          return 2;
        }
      } else {
        err.println("bench: unknown option '" + arg + "' (expected --quick or --filter REGEX)");
        return 2;
      }
    }
    List<Measurement> measurements;
    try {
      measurements =
          Benchmarks.run(
              Benchmarks.options(settings, filter),
              OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
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
    return 0;
  }
}
