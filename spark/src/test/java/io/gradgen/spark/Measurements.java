package io.gradgen.spark;

import java.util.Arrays;

/** Repeated measurements of one quantity: mean and sample standard deviation, for the comparison's tables. */
record Measurements(double[] values) {
  double mean() {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  double sd() {
    double m = mean();
    double s = 0;
    for (double v : values) {
      s += (v - m) * (v - m);
    }
    return values.length < 2 ? 0 : Math.sqrt(s / (values.length - 1));
  }

  /** "m ± sd" with {@code digits} decimals. */
  String format(int digits) {
    return String.format(java.util.Locale.ROOT, "%." + digits + "f ± %." + digits + "f", mean(), sd());
  }

  /** mean(a) / mean(b) with its first-order error, as "r ± e". */
  static String ratio(Measurements a, Measurements b) {
    double r = a.mean() / b.mean();
    double e = r * Math.hypot(a.sd() / a.mean(), b.sd() / b.mean());
    return String.format(java.util.Locale.ROOT, "%.2f ± %.2f", r, e);
  }
}
