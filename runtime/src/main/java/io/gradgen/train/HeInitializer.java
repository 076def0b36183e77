package io.gradgen.train;

import io.gradgen.DenseLayout;
import java.util.SplittableRandom;

/**
 * He normal initialization (He et al., 2015): weights from a normal distribution with mean 0 and
 * standard deviation √(2 / fan-in), suited to ReLU layers. Biases start at 0.
 */
public record HeInitializer() implements Initializer {
  @Override
  public double weight(DenseLayout layer, SplittableRandom random) {
    return random.nextGaussian() * Math.sqrt(2.0 / layer.inputs());
  }
}
