package io.gradgen.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worked example of docs/SEEDS.md §3 run through the generated {@link SeedNetModel}: its inputs,
 * targets and starting parameters, and what the model computes from them.
 */
public final class SeedExample {
  /** Inputs i1, i2. */
  public static final double[] INPUTS = {0.10, 0.20};

  /** Targets t1, t2. */
  public static final double[] TARGETS = {0.85, 0.30};

  /** w1..w4, b1, w5..w8, b2: the layout of {@link SeedNetModel} matches the example's numbering. */
  public static final double[] PARAMETERS = {
    0.05, 0.15, 0.10, 0.20, 0.35, 0.25, 0.35, 0.30, 0.40, 0.50
  };

  /** The example's names of the parameters, in layout order. */
  public static final String[] PARAMETER_NAMES = {
    "w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2"
  };

  /** Learning rate of the example's update step. */
  public static final double LEARNING_RATE = 1.0;

  /**
   * The results of one forward and backward pass.
   *
   * @param outputs out_o1, out_o2
   * @param loss E_total
   * @param gradient ∂E/∂θ in layout order
   * @param updated θ − η·∂E/∂θ
   */
  public record Result(double[] outputs, double loss, double[] gradient, double[] updated) {
    /** Parameter name to ∂E/∂θ, in layout order. */
    public Map<String, Double> gradientByName() {
      Map<String, Double> byName = new LinkedHashMap<>();
      for (int i = 0; i < gradient.length; i++) {
        byName.put(PARAMETER_NAMES[i], gradient[i]);
      }
      return byName;
    }
  }

  private SeedExample() {}

  /** A model holding the example's starting parameters. */
  public static SeedNetModel model() {
    return new SeedNetModel(PARAMETERS);
  }

  /** Forward pass, loss, gradient and one delta-rule step with η = 1. */
  public static Result run() {
    SeedNetModel model = model();
    double[] outputs = new double[SeedNetModel.OUTPUTS];
    model.predict(INPUTS, outputs);
    double[] gradient = new double[SeedNetModel.PARAMETERS];
    double loss = model.gradient(INPUTS, TARGETS, gradient);
    double[] updated = new double[gradient.length];
    for (int i = 0; i < gradient.length; i++) {
      updated[i] = PARAMETERS[i] - LEARNING_RATE * gradient[i];
    }
    return new Result(outputs, loss, gradient, updated);
  }
}
