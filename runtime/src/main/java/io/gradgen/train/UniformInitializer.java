package io.gradgen.train;

import io.gradgen.DenseLayout;
import java.util.SplittableRandom;

/**
 * Parameters uniform in [low, high). docs/SEEDS.md §4 starts weights and biases in [0, 1): {@code new
 * UniformInitializer(0, 1, true)}.
 *
 * @param low the smallest value
 * @param high the bound, above {@code low}
 * @param includeBiases whether biases are drawn too (else they start at 0)
 */
public record UniformInitializer(double low, double high, boolean includeBiases)
    implements Initializer {
  /**
   * Checks the range.
   *
   * @param low the smallest value
   * @param high the bound, above {@code low}
   * @param includeBiases whether biases are drawn too (else they start at 0)
   */
  public UniformInitializer {
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "need finite low < high, but low is " + low + " and high is " + high);
    }
  }

  @Override
  public double weight(DenseLayout layer, SplittableRandom random) {
    return random.nextDouble(low, high);
  }

  @Override
  public double bias(DenseLayout layer, SplittableRandom random) {
    return includeBiases ? random.nextDouble(low, high) : 0;
  }
}
