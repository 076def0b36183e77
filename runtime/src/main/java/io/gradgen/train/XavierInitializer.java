package io.gradgen.train;

import io.gradgen.DenseLayout;
import java.util.SplittableRandom;

/**
 * Glorot/Xavier uniform initialization (Glorot and Bengio, 2010): weights uniform in ±√(6 /
 * (fan-in + fan-out)), which keeps activations' variance steady across sigmoid and tanh layers.
 * Biases start at 0.
 */
public record XavierInitializer() implements Initializer {
  @Override
  public double weight(DenseLayout layer, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (layer.inputs() + layer.units()));
    return random.nextDouble(-limit, limit);
  }
}
