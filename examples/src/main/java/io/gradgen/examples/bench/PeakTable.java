package io.gradgen.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The physical-limit table printed below the results table: per network and operation, the
 * multiply-adds per call ({@link MultiplyAdds}), the time they take at the core's peak, and the
 * rate the generated and the baseline code reach, in G multiply-adds per second and as a fraction
 * of the peak of their precision that {@link PeakBenchmark} measured in the same run.
 */
public final class PeakTable {
  /** The {@link Measurement#network()} of {@link PeakBenchmark}'s results; the method is the operation. */
  public static final String PEAK = "core peak";

  private PeakTable() {}

  /**
   * The core's peak in one precision: the faster of {@code Math.fma} and a separate multiply and add,
   * in multiply-adds per nanosecond (G/s), with its error and the other form's rate.
   */
  record Peak(double rate, double error, String form, double otherRate) {}

  /** The peak among {@code measurements} for double ({@code isFloat} false) or float, if measured. */
  static Optional<Peak> peak(List<Measurement> measurements, boolean isFloat) {
    String prefix = isFloat ? "float" : "double";
    Measurement best = null;
    Measurement other = null;
    for (Measurement m : measurements) {
      if (!m.network().equals(PEAK) || !m.operation().startsWith(prefix)) {
        continue;
      }
      if (best == null || m.nsPerOp() < best.nsPerOp()) {
        other = best;
        best = m;
      } else {
        other = m;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    double rate = PeakBenchmark.MULTIPLY_ADDS / best.nsPerOp();
    return Optional.of(new Peak(rate, rate * relative(best), form(best.operation()),
        other == null ? Double.NaN : PeakBenchmark.MULTIPLY_ADDS / other.nsPerOp()));
  }

  private static String form(String method) {
    return method.endsWith("Fma") ? "Math.fma" : "multiply and add";
  }

  private static double relative(Measurement m) {
    return Double.isNaN(m.error()) ? 0.0 : m.error() / m.nsPerOp();
  }

  /** The peak line and the table of {@code measurements}, networks in the order of {@link Benchmarks}. */
  public static String format(List<Measurement> measurements) {
    Optional<Peak> peakDouble = peak(measurements, false);
    Optional<Peak> peakFloat = peak(measurements, true);
    StringBuilder sb = new StringBuilder();
    sb.append("physical limit: multiply-adds per call (forward Σ in·out; gradient and train step 2·Σ in·out"
        + " + δ sent down above the first layer; batch ×" + BenchData.BATCH + "),\n");
    sb.append("the time they take at the core's peak, and the rate reached; peak measured in this run: ")
        .append(describe("double", peakDouble)).append(", ").append(describe("float", peakFloat)).append('\n');
    String row = "%-14s %-20s %13s %11s %15s %13s %15s %13s%n";
    sb.append(String.format(Locale.ROOT, row, "network", "operation", "multiply-adds", "at peak ns",
        "generated G/s", "% of peak", "baseline G/s", "% of peak"));
    for (Benchmarks.Network network : Benchmarks.NETWORKS) {
      Optional<MultiplyAdds.Work> work = Optional.empty();
      for (Benchmarks.Operation operation : Benchmarks.operations(network)) {
        Optional<Measurement> generated = find(measurements, network, operation, true);
        Optional<Measurement> baseline = find(measurements, network, operation, false);
        if (generated.isEmpty() && baseline.isEmpty()) {
          continue;
        }
        if (work.isEmpty()) {
          work = MultiplyAdds.work(network);
          if (work.isEmpty()) {
            break; // a comparison benchmark: no network computed the usual way
          }
        }
        long count = MultiplyAdds.perCall(operation, work.get().layout());
        Optional<Peak> peak = work.get().isFloat() ? peakFloat : peakDouble;
        sb.append(String.format(Locale.ROOT, row, network.name(), operation.name(),
            String.format(Locale.ROOT, "%,d", count),
            peak.map(p -> String.format(Locale.ROOT, "%.1f", count / p.rate())).orElse("n/a"),
            generated.map(m -> rate(count, m)).orElse(""),
            generated.map(m -> fraction(count, m, peak)).orElse(""),
            baseline.map(m -> rate(count, m)).orElse(""),
            baseline.map(m -> fraction(count, m, peak)).orElse("")));
      }
    }
    return sb.toString();
  }

  private static String describe(String precision, Optional<Peak> peak) {
    return peak.map(p -> String.format(Locale.ROOT, "%s %.1f ± %.1f G/s (%s%s)", precision, p.rate(), p.error(),
            p.form(), Double.isNaN(p.otherRate()) ? ""
                : String.format(Locale.ROOT, "; the other form %.1f", p.otherRate())))
        .orElse(precision + " not measured (PeakBenchmark did not run)");
  }

  /** G multiply-adds per second: multiply-adds per nanosecond, with the time's relative error. */
  static String rate(long count, Measurement m) {
    double rate = count / m.nsPerOp();
    return String.format(Locale.ROOT, "%.2f ± %.2f", rate, rate * relative(m));
  }

  /** The rate as a percentage of the peak, the relative errors of both added in quadrature. */
  static String fraction(long count, Measurement m, Optional<Peak> peak) {
    if (peak.isEmpty()) {
      return "n/a";
    }
    double percent = 100 * count / m.nsPerOp() / peak.get().rate();
    double error = percent * Math.hypot(relative(m), peak.get().error() / peak.get().rate());
    return String.format(Locale.ROOT, "%.1f ± %.1f %%", percent, error);
  }

  private static Optional<Measurement> find(
      List<Measurement> measurements, Benchmarks.Network network, Benchmarks.Operation operation, boolean generated) {
    return measurements.stream()
        .filter(m -> m.network().equals(network.name()) && m.operation().equals(operation.name())
            && m.generated() == generated)
        .findFirst();
  }
}
