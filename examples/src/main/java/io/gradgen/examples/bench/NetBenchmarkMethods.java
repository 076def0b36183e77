package io.gradgen.examples.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmark methods every network has, in {@code double} ({@link NetBenchmark}) and {@code
 * float} ({@link FloatNetBenchmark}): generated and baseline × predict, gradient and training step,
 * for one sample and for a batch. Lets tests call them all alike.
 */
public interface NetBenchmarkMethods {
  void setUp();

  void generatedPredict(Blackhole bh);

  void baselinePredict(Blackhole bh);

  void generatedGradient(Blackhole bh);

  void baselineGradient(Blackhole bh);

  void generatedTrainStep(Blackhole bh);

  void baselineTrainStep(Blackhole bh);

  void generatedBatchPredict(Blackhole bh);

  void baselineBatchPredict(Blackhole bh);

  void generatedBatchGradient(Blackhole bh);

  void baselineBatchGradient(Blackhole bh);

  void generatedBatchTrainStep(Blackhole bh);

  void baselineBatchTrainStep(Blackhole bh);
}
