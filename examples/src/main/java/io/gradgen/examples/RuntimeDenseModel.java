package io.gradgen.examples;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code train-csv} command's model: a dense network whose shape is chosen at run time
 * ({@code --layers 16,8}), computed by loops over its layers — an interpreter, not generated code.
 *
 * <p>gradgen's networks are declared by annotations and compiled, so a command that trains any CSV
 * file with any layer sizes needs a model built while it runs. This one follows the same contract
 * and parameter layout as a generated model (per layer, weights row by row {@code w[unit][input]},
 * then one bias per unit; the same {@link NetworkLayout} fingerprint), so trainers, optimizers and
 * weight files treat it alike, and a generated model of the same declaration reads its weight
 * files. It is slower than generated code and allocates scratch arrays per call.
 *
 * <p>Hidden layers use one activation ({@code TANH}, {@code SIGMOID}, {@code RELU} or {@code
 * IDENTITY}); the output is a softmax with categorical cross-entropy (classification, targets one-hot)
 * or the identity with the mean squared error (1/n)·Σ(t − o)² (regression).
 */
public final class RuntimeDenseModel implements DifferentiableModel {
  private final NetworkLayout layout;
  private final double[] p;
  private final Parameters view;
  private final List<DenseLayout> layers;
  private final boolean softmax;

  /**
   * A model of {@code inputs} inputs, hidden layers of {@code hidden} units with {@code activation},
   * and {@code outputs} outputs: softmax classes when {@code classification}, numbers otherwise. All
   * parameters start at 0.
   *
   * @throws IllegalArgumentException for a size below 1 or an activation other than the four above
   */
  public RuntimeDenseModel(int inputs, int[] hidden, Activation activation, int outputs, boolean classification) {
    this(layout(inputs, hidden, activation, outputs, classification));
  }

  /**
   * A model of the architecture {@code layout}, which must be one this class builds (see {@link
   * #fromFingerprint}).
   */
  public RuntimeDenseModel(NetworkLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.layers = layout.layers();
    DenseLayout output = layers.get(layers.size() - 1);
    this.softmax = output.activation() == Activation.SOFTMAX;
    if (!(softmax && layout.loss() == Loss.CATEGORICAL_CROSS_ENTROPY)
        && !(output.activation() == Activation.IDENTITY && layout.loss() == Loss.MEAN_SQUARED_ERROR)) {
      throw new IllegalArgumentException(
          "the output must be SOFTMAX with CATEGORICAL_CROSS_ENTROPY or IDENTITY with MEAN_SQUARED_ERROR: " + layout);
    }
    for (DenseLayout layer : layers) {
      if (layer.bias() != Bias.PER_NEURON) {
        throw new IllegalArgumentException("layer '" + layer.name() + "' must have a bias per neuron");
      }
      if (layer != output && !hiddenActivation(layer.activation())) {
        throw new IllegalArgumentException(
            "layer '" + layer.name() + "' has activation " + layer.activation() + "; use TANH, SIGMOID, RELU or IDENTITY");
      }
    }
    this.p = new double[layout.parameterCount()];
    this.view = Parameters.flat(layout, p);
  }

  private static boolean hiddenActivation(Activation a) {
    return a == Activation.TANH || a == Activation.SIGMOID || a == Activation.RELU || a == Activation.IDENTITY;
  }

  /** The layout: hidden layers {@code dense1}, {@code dense2}, …, then {@code output}. */
  static NetworkLayout layout(int inputs, int[] hidden, Activation activation, int outputs, boolean classification) {
    List<NetworkLayout.Layer> list = new ArrayList<>();
    for (int i = 0; i < hidden.length; i++) {
      list.add(new NetworkLayout.Layer("dense" + (i + 1), hidden[i], activation, Bias.PER_NEURON));
    }
    list.add(new NetworkLayout.Layer(
        "output", outputs, classification ? Activation.SOFTMAX : Activation.IDENTITY, Bias.PER_NEURON));
    return NetworkLayout.of(
        inputs, classification ? Loss.CATEGORICAL_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR, list);
  }

  /**
   * The model whose {@link NetworkLayout#fingerprint()} is {@code fingerprint}, as stored in a
   * weight file: {@code inputs=4;dense1:16,TANH,PER_NEURON;output:3,SOFTMAX,PER_NEURON;loss=…}.
   *
   * @throws IllegalArgumentException if the text is not such a fingerprint
   */
  public static RuntimeDenseModel fromFingerprint(String fingerprint) {
    String[] parts = fingerprint.split(";");
    try {
      int inputs = Integer.parseInt(parts[0].substring("inputs=".length()));
      List<NetworkLayout.Layer> list = new ArrayList<>();
      for (int i = 1; i < parts.length - 1; i++) {
        String[] nameRest = parts[i].split(":", 2);
        String[] fields = nameRest[1].split(",");
        list.add(new NetworkLayout.Layer(
            nameRest[0], Integer.parseInt(fields[0]), Activation.valueOf(fields[1]), Bias.valueOf(fields[2])));
      }
      Loss loss = Loss.valueOf(parts[parts.length - 1].substring("loss=".length()));
      return new RuntimeDenseModel(NetworkLayout.of(inputs, loss, list));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not the fingerprint of a runtime dense model: " + fingerprint, e);
    }
  }

  @Override
  public int inputCount() {
    return layout.inputs();
  }

  @Override
  public int outputCount() {
    return layout.outputs();
  }

  @Override
  public int parameterCount() {
    return p.length;
  }

  @Override
  public Parameters parameters() {
    return view;
  }

  @Override
  public NetworkLayout layout() {
    return layout;
  }

  @Override
  public String toString() {
    return summary();
  }

  private static void check(String name, double[] a, int length) {
    Objects.requireNonNull(a, name);
    if (a.length != length) {
      throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + length);
    }
  }

  /** Forward pass; {@code a[l]} receives layer l's activations ({@code a[0]} is x), the output's are logits for softmax. */
  private double[][] forward(double[] x) {
    double[][] a = new double[layers.size() + 1][];
    a[0] = x;
    for (int l = 0; l < layers.size(); l++) {
      DenseLayout layer = layers.get(l);
      double[] in = a[l];
      double[] out = new double[layer.units()];
      for (int u = 0; u < layer.units(); u++) {
        int w = layer.firstWeight() + u * layer.inputs();
        double z = p[layer.firstBias() + u];
        for (int k = 0; k < layer.inputs(); k++) {
          z += p[w + k] * in[k];
        }
        out[u] = l == layers.size() - 1 ? z : activate(layer.activation(), z);
      }
      a[l + 1] = out;
    }
    return a;
  }

  private static double activate(Activation f, double z) {
    return switch (f) {
      case TANH -> Math.tanh(z);
      case SIGMOID -> z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      case RELU -> z > 0 ? z : 0;
      default -> z;
    };
  }

  /** f′ from the activation's value a = f(z) (and z's sign for ReLU, which a > 0 tells). */
  private static double derivative(Activation f, double a) {
    return switch (f) {
      case TANH -> 1 - a * a;
      case SIGMOID -> a * (1 - a);
      case RELU -> a > 0 ? 1 : 0;
      default -> 1;
    };
  }

  /** Softmax of the logits, stable: exp(z − max) / Σ exp(z − max). */
  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < z.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  @Override
  public void predict(double[] x, double[] y) {
    check("x", x, inputCount());
    check("y", y, outputCount());
    double[] z = forward(x)[layers.size()];
    System.arraycopy(softmax ? softmax(z) : z, 0, y, 0, y.length);
  }

  @Override
  public double loss(double[] x, double[] target) {
    check("x", x, inputCount());
    check("target", target, outputCount());
    return lossAndError(forward(x)[layers.size()], target, new double[outputCount()]);
  }

  /**
   * The loss from the output layer's z, and ∂E/∂z into {@code error}. Cross-entropy from the logits:
   * E = log Σ exp(z) − Σ t·z (targets summing to 1), ∂E/∂z = softmax(z)·Σt − t; MSE: E = (1/n)Σ(t −
   * z)², ∂E/∂z = (2/n)(z − t).
   */
  private double lossAndError(double[] z, double[] t, double[] error) {
    int n = z.length;
    if (softmax) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      double logSum = max + Math.log(sum);
      double loss = 0;
      double targetSum = 0;
      for (double v : t) {
        targetSum += v;
      }
      for (int i = 0; i < n; i++) {
        loss -= t[i] * (z[i] - logSum);
        error[i] = Math.exp(z[i] - logSum) * targetSum - t[i];
      }
      return loss;
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double d = z[i] - t[i];
      loss += d * d / n;
      error[i] = 2 * d / n;
    }
    return loss;
  }

  @Override
  public double gradient(double[] x, double[] target, double[] gradient) {
    check("x", x, inputCount());
    check("target", target, outputCount());
    check("gradient", gradient, parameterCount());
    double[][] a = forward(x);
    double[] delta = new double[outputCount()];
    double loss = lossAndError(a[layers.size()], target, delta);
    for (int l = layers.size() - 1; l >= 0; l--) {
      DenseLayout layer = layers.get(l);
      double[] in = a[l];
      double[] below = l > 0 ? new double[layer.inputs()] : null;
      for (int u = 0; u < layer.units(); u++) {
        int w = layer.firstWeight() + u * layer.inputs();
        gradient[layer.firstBias() + u] += delta[u];
        for (int k = 0; k < layer.inputs(); k++) {
          gradient[w + k] += delta[u] * in[k];
          if (below != null) {
            below[k] += delta[u] * p[w + k];
          }
        }
      }
      if (below != null) {
        Activation f = layers.get(l - 1).activation();
        for (int k = 0; k < below.length; k++) {
          below[k] *= derivative(f, in[k]);
        }
        delta = below;
      }
    }
    return loss;
  }
}
