package io.gradgen.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results table: per network and operation, the generated and the baseline time with JMH's
 * error, the speed-up (baseline / generated) with its propagated error, the bytes the generated
 * and the baseline method allocate per call, and whether the targets are met.
 *
 * <p>JMH's {@code gc.alloc.rate.norm} includes what the harness itself allocates in the benchmark
 * thread, a few kilobytes per iteration: spread over the calls of one 1-second iteration that is
 * about 0.01 B/op at 600 ns per call and 0.5 B/op at 100 µs. The hand-written baseline allocates
 * nothing (see {@code BenchAllocationTest}), so its bytes per nanosecond are that floor: a generated
 * method above 0.01 B/op but not above the baseline's rate times its own time per call (plus 10 %,
 * for the per-iteration part) allocates nothing either.
 */
public final class ResultsTable {
  /** The allocation target for every generated method: below this many bytes per call. */
  public static final double ALLOCATION_LIMIT = 0.01;

  private ResultsTable() {}

  /** Speed-up b/g and its error, from the relative errors of both (independent) means. */
  static double[] speedUp(Measurement generated, Measurement baseline) {
    double ratio = baseline.nsPerOp() / generated.nsPerOp();
    double relative =
        Math.hypot(
            relativeError(generated.error(), generated.nsPerOp()),
            relativeError(baseline.error(), baseline.nsPerOp()));
    return new double[] {ratio, ratio * relative};
  }

  private static double relativeError(double error, double value) {
    return Double.isNaN(error) ? 0.0 : error / value;
  }

  /**
   * "met" when the whole interval ratio ± error is at or above the target, "missed, 21 % short"
   * when it is entirely below, and "inconclusive" when it contains the target (a noisy run).
   */
  static String verdict(double ratio, double error, double target) {
    String shortBy = String.format(Locale.ROOT, "%.0f %% short", 100 * (1 - ratio / target));
    if (ratio - error >= target) {
      return "met";
    }
    if (ratio + error < target) {
      return "missed, " + shortBy;
    }
    return ratio >= target ? "inconclusive (above, within error)" : "inconclusive (" + shortBy + ", within error)";
  }

  /** The table of {@code measurements}, networks and operations in the order of {@link Benchmarks}. */
  public static String format(List<Measurement> measurements) {
    StringBuilder sb = new StringBuilder();
    String header = "%-14s %-20s %21s %21s %16s %10s %10s  %s%n";
    String row = header;
    sb.append(
        String.format(
            Locale.ROOT,
            header,
            "network",
            "operation",
            "generated ns/op",
            "baseline ns/op",
            "speed-up b/g",
            "gen. B/op",
            "base B/op",
            "target"));
    int speedMet = 0;
    int speedMissed = 0;
    int speedTargets = 0;
    int allocationMet = 0;
    int allocationFloor = 0;
    int allocationTargets = 0;
    for (Benchmarks.Network network : Benchmarks.NETWORKS) {
      for (Benchmarks.Operation operation : Benchmarks.OPERATIONS) {
        Optional<Measurement> generated = find(measurements, network, operation, true);
        Optional<Measurement> baseline = find(measurements, network, operation, false);
        if (generated.isEmpty() && baseline.isEmpty()) {
          continue;
        }
        String speedUp = "";
        String target = "";
        if (generated.isPresent() && baseline.isPresent()) {
          double[] s = speedUp(generated.get(), baseline.get());
          speedUp = String.format(Locale.ROOT, "%.2f ± %.2f×", s[0], s[1]);
          if (network.targetSpeedUp() <= 0) {
            Benchmarks.Comparison c = network.comparison();
            target = s[0] - s[1] > 1.0 ? c.faster() : s[0] + s[1] < 1.0 ? c.slower() : c.even();
          } else if (Benchmarks.hasSpeedTarget(operation.name())) {
            speedTargets++;
            String verdict = verdict(s[0], s[1], network.targetSpeedUp());
            if (verdict.equals("met")) {
              speedMet++;
            } else if (verdict.startsWith("missed")) {
              speedMissed++;
            }
            target =
                String.format(Locale.ROOT, "≥ %.1f×: %s", network.targetSpeedUp(), verdict);
          } else {
            target = "(no speed target)";
          }
        }
        String bytes = "";
        if (generated.isPresent()) {
          double b = generated.get().bytesPerOp();
          bytes = bytes(b);
          if (!Double.isNaN(b)) {
            allocationTargets++;
            // the harness's own allocation grows with the time per call: scale the baseline's,
            // with 10 % for the part that does not (JMH's per-iteration set-up)
            double floor = baseline
                .map(m -> 1.1 * m.bytesPerOp() / m.nsPerOp() * generated.get().nsPerOp())
                .orElse(Double.NaN);
            if (b < ALLOCATION_LIMIT) {
              allocationMet++;
            } else if (b <= floor + ALLOCATION_LIMIT) {
              allocationFloor++;
              target += (target.isEmpty() ? "" : "; ") + "B/op: harness floor";
            } else {
              target += (target.isEmpty() ? "" : "; ") + "ALLOCATES";
            }
          }
        }
        sb.append(
            String.format(
                Locale.ROOT,
                row,
                network.name(),
                operation.name(),
                generated.map(ResultsTable::time).orElse(""),
                baseline.map(ResultsTable::time).orElse(""),
                speedUp,
                bytes,
                baseline.map(m -> bytes(m.bytesPerOp())).orElse(""),
                target));
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nspeed-up targets (predict, train step): %d of %d met, %d missed, the rest inconclusive%n"
                + "generated methods below %.2f B/op: %d of %d; %d more within the harness floor"
                + " (no more than the allocation-free baseline)%n",
            speedMet,
            speedTargets,
            speedMissed,
            ALLOCATION_LIMIT,
            allocationMet,
            allocationTargets,
            allocationFloor));
    for (Benchmarks.Network network : Benchmarks.NETWORKS) {
      Optional<Measurement> single = measurements.stream()
          .filter(m -> m.network().equals(network.name()) && m.operation().equals("train step") && m.generated())
          .findFirst();
      Optional<Measurement> batch = measurements.stream()
          .filter(m -> m.network().equals(network.name()) && m.operation().equals("train step, batch 64") && m.generated())
          .findFirst();
      if (single.isPresent() && batch.isPresent()) {
        double perSample = batch.get().nsPerOp() / BenchData.BATCH;
        sb.append(String.format(Locale.ROOT,
            "%s: a batch of %d trains at %.1f ns per sample, %.2f× the single-sample step's rate%s%n",
            network.name(), BenchData.BATCH, perSample, single.get().nsPerOp() / perSample,
            network.name().startsWith("784-128-10") ? " (target ≥ 3×)" : ""));
      }
    }
    return sb.toString();
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.3f", b);
  }

  private static String time(Measurement m) {
    return Double.isNaN(m.error())
        ? String.format(Locale.ROOT, "%.1f", m.nsPerOp())
        : String.format(Locale.ROOT, "%.1f ± %.1f", m.nsPerOp(), m.error());
  }

  private static Optional<Measurement> find(
      List<Measurement> measurements,
      Benchmarks.Network network,
      Benchmarks.Operation operation,
      boolean generated) {
    return measurements.stream()
        .filter(
            m ->
                m.network().equals(network.name())
                    && m.operation().equals(operation.name())
                    && m.generated() == generated)
        .findFirst();
  }
}
