package io.gradgen.examples.bench;

import io.gradgen.DenseLayout;
import io.gradgen.NetworkLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * The multiply-adds one call of a benchmarked operation needs, from the layer sizes, for the
 * results table's physical-limit columns (time at the core's peak = multiply-adds / peak rate).
 *
 * <p>The counting convention, per dense layer l with fan-in in_l and out_l units:
 *
 * <ul>
 *   <li>forward ({@code predict}): Σ_l in_l·out_l — one multiply-add per weight;
 *   <li>{@code gradient}: the forward pass, plus δ sent down through every layer above the first
 *       (Σ_{l≥2} in_l·out_l; nothing is sent below the first layer, whose input needs no
 *       gradient), plus one multiply-add per weight for its gradient δ·a (Σ_l in_l·out_l);
 *   <li>train step: the same as {@code gradient}. The update is not counted: the fused step folds
 *       η into δ, so w ← w − (η·δ)·a is the weight gradient's own multiply-add, and a batch makes
 *       one update per {@value BenchData#BATCH} samples (under 1 % of its count). Counting only
 *       what no implementation can avoid keeps time at peak a lower bound;
 *   <li>a batch: {@value BenchData#BATCH} times the single sample.
 * </ul>
 *
 * Biases, activations, the loss and softmax's exponentials are not multiply-adds and not counted:
 * at small sizes they dominate the time, which the fraction of peak then shows as a low figure.
 */
public final class MultiplyAdds {
  private MultiplyAdds() {}

  /**
   * Multiply-adds of one forward pass: Σ in·out over the layers.
   *
   * @param inputs the network's inputs
   * @param units each layer's units, the output layer last
   * @return Σ in·out
   */
  public static long forward(int inputs, int... units) {
    long sum = 0;
    int in = inputs;
    for (int out : units) {
      sum += (long) in * out;
      in = out;
    }
    return sum;
  }

  /**
   * Multiply-adds of one sample's gradient: forward, δ sent down above the first layer, and one per
   * weight for the weight gradient.
   *
   * @param inputs the network's inputs
   * @param units each layer's units, the output layer last
   * @return 2·Σ in·out + Σ over the layers above the first of in·out
   */
  public static long gradient(int inputs, int... units) {
    long weights = forward(inputs, units);
    long firstLayer = units.length == 0 ? 0 : (long) inputs * units[0];
    return weights + (weights - firstLayer) + weights;
  }

  /**
   * Multiply-adds of one call of {@code operation} (one of {@link Benchmarks#OPERATIONS}).
   *
   * @param operation the operation, by its method suffix ({@code Predict}, {@code BatchTrainStep},
   *     …)
   * @param inputs the network's inputs
   * @param units each layer's units, the output layer last
   * @return the count, by the convention of this class
   * @throws IllegalArgumentException for an operation this class does not know
   */
  public static long perCall(Benchmarks.Operation operation, int inputs, int... units) {
    String suffix = operation.methodSuffix();
    boolean batch = suffix.startsWith("Batch");
    long perSample =
        switch (batch ? suffix.substring("Batch".length()) : suffix) {
          case "Predict" -> forward(inputs, units);
          case "Gradient", "TrainStep" -> gradient(inputs, units);
          default -> throw new IllegalArgumentException("no multiply-add count for " + suffix);
        };
    return batch ? perSample * BenchData.BATCH : perSample;
  }

  /** {@link #perCall(Benchmarks.Operation, int, int...)} for the layers of {@code layout}. */
  static long perCall(Benchmarks.Operation operation, NetworkLayout layout) {
    int[] units = layout.layers().stream().mapToInt(DenseLayout::units).toArray();
    return perCall(operation, layout.inputs(), units);
  }

  /**
   * What a benchmarked network computes: its layout and precision, read from a new model of its
   * benchmark class (a {@link NetBenchmark} or {@link FloatNetBenchmark}); empty for the
   * comparison benchmarks, which time other things.
   */
  record Work(NetworkLayout layout, boolean isFloat) {}

  static Optional<Work> work(Benchmarks.Network network) {
    try {
      Object benchmark = network.benchmark().getDeclaredConstructor().newInstance();
      if (benchmark instanceof NetBenchmark b) {
        return Optional.of(new Work(b.newModel().layout(), false));
      }
      if (benchmark instanceof FloatNetBenchmark b) {
        return Optional.of(new Work(b.newModel().layout(), true));
      }
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + network.benchmark().getName(), e instanceof InvocationTargetException i ? i.getCause() : e);
    }
  }
}
