package io.gradgen.testing;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import java.util.List;

/**
 * A hand-written one-output linear model y = Σ wᵢ·xᵢ (+ b) with the sum of squared errors (t − y)²,
 * standing in for a generated class in the runtime's tests (the runtime cannot run the processor).
 * Layout: the weights, then the bias if any — as a generated model with one identity layer. The
 * parameters are stored flat in an array the model computes with; {@link #parameters()} is a live
 * {@link Parameters#flat(NetworkLayout, double[]) flat view} of it.
 */
public final class LinearModel implements DifferentiableModel {
  private final NetworkLayout layout;
  private final double[] parameters;
  private final Parameters view;
  private final int inputs;

  /** A model of {@code inputs} inputs, with a bias or not, holding a copy of {@code parameters}. */
  public LinearModel(int inputs, boolean bias, double... parameters) {
    this.layout =
        NetworkLayout.of(
            inputs,
            Loss.SUM_SQUARED_ERROR,
            List.of(new NetworkLayout.Layer("y", 1, Activation.IDENTITY, bias ? Bias.PER_NEURON : Bias.NONE)));
    if (parameters.length != layout.parameterCount()) {
      throw new IllegalArgumentException("need " + layout.parameterCount() + " parameters");
    }
    this.parameters = parameters.clone();
    this.view = Parameters.flat(layout, this.parameters);
    this.inputs = inputs;
  }

  /** docs/SEEDS.md §1: y = W·x, one weight, no bias. */
  public static LinearModel line(double w) {
    return new LinearModel(1, false, w);
  }

  @Override
  public int inputCount() {
    return inputs;
  }

  @Override
  public int outputCount() {
    return 1;
  }

  @Override
  public int parameterCount() {
    return parameters.length;
  }

  @Override
  public Parameters parameters() {
    return view;
  }

  @Override
  public NetworkLayout layout() {
    return layout;
  }

  private double output(double[] x) {
    double y = parameters.length > inputs ? parameters[inputs] : 0;
    for (int i = 0; i < inputs; i++) {
      y += parameters[i] * x[i];
    }
    return y;
  }

  @Override
  public void predict(double[] x, double[] y) {
    y[0] = output(x);
  }

  @Override
  public double loss(double[] x, double[] target) {
    double e = output(x) - target[0];
    return e * e;
  }

  @Override
  public double gradient(double[] x, double[] target, double[] gradient) {
    double e = output(x) - target[0];
    for (int i = 0; i < inputs; i++) {
      gradient[i] += 2 * e * x[i];
    }
    if (parameters.length > inputs) {
      gradient[inputs] += 2 * e;
    }
    return e * e;
  }
}
