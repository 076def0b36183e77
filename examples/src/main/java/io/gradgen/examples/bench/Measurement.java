package io.gradgen.examples.bench;

/**
 * One benchmark's result.
 *
 * @param network the benchmarked network, e.g. {@code 4-8-3}
 * @param operation {@code predict}, {@code gradient} or {@code train step}
 * @param generated true for the generated model, false for the hand-written baseline
 * @param nsPerOp the average time per call
 * @param error the half-width of JMH's 99.9 % confidence interval (NaN when too few iterations)
 * @param bytesPerOp {@code gc.alloc.rate.norm}, bytes allocated per call (NaN if not measured)
 */
public record Measurement(
    String network,
    String operation,
    boolean generated,
    double nsPerOp,
    double error,
    double bytesPerOp) {}
