package io.gradgen.train;

import io.gradgen.DenseLayout;
import io.gradgen.Model;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Sets a model's starting parameters, reproducibly: the same seed gives the same parameters.
 *
 * <p>{@link #initialize} walks the parameters in layout order, drawing each weight with {@link
 * #weight} and each bias with {@link #bias} from one {@link SplittableRandom} seeded with the
 * given seed. Biases start at 0 unless an initializer says otherwise.
 */
public interface Initializer {
  /**
   * Uniform in [0, 1) for the weights, as in docs/SEEDS.md §4; biases 0.
   *
   * @return uniform in [0, 1) for the weights, as in docs/SEEDS.md §4; biases 0
   */
  static Initializer uniform() {
    return new UniformInitializer(0, 1, false);
  }

  /**
   * Glorot/Xavier uniform: weights in ±√(6 / (fan-in + fan-out)); biases 0. For sigmoid and tanh.
   *
   * @return Glorot/Xavier uniform: weights in ±√(6 / (fan-in + fan-out)); biases 0
   */
  static Initializer xavier() {
    return new XavierInitializer();
  }

  /**
   * He normal: weights from N(0, 2 / fan-in); biases 0. For ReLU.
   *
   * @return He normal: weights from N(0, 2 / fan-in); biases 0
   */
  static Initializer he() {
    return new HeInitializer();
  }

  /**
   * A weight of {@code layer}, drawn from {@code random}.
   *
   * @param layer the layer the parameter belongs to
   * @param random the source of random numbers
   * @return a weight of {@code layer}, drawn from {@code random}
   */
  double weight(DenseLayout layer, SplittableRandom random);

  /**
   * A bias of {@code layer}; 0 unless an initializer overrides it.
   *
   * @param layer the layer the parameter belongs to
   * @param random the source of random numbers
   * @return a bias of {@code layer}; 0 unless an initializer overrides it
   */
  default double bias(DenseLayout layer, SplittableRandom random) {
    return 0;
  }

  /**
   * Overwrites every parameter of {@code model}, drawing from a generator seeded with {@code seed}.
   *
   * @param model the model whose parameters are set
   * @param seed the seed of the random choices
   */
  default void initialize(Model model, long seed) {
    Objects.requireNonNull(model, "model");
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[model.parameterCount()];
    for (DenseLayout layer : model.layout().layers()) {
      for (int i = layer.firstWeight(); i < layer.firstBias(); i++) {
        p[i] = weight(layer, random);
      }
      for (int i = layer.firstBias(); i < layer.end(); i++) {
        p[i] = bias(layer, random);
      }
    }
    model.parameters().copyFrom(p);
  }
}
