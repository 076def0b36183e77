package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.DenseLayout;
import io.gradgen.Model;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import java.util.Objects;

/**
 * An imported network as a {@link Model} the tooling can run and save without compiling it: a
 * plain interpreter of the layout's dense layers over a flat parameter array. It has the layout and
 * the fingerprint of the generated model, so the weight file it saves loads into that model.
 */
final class ImportedModel implements Model {
  private final NetworkLayout layout;
  private final double[] p;
  private final Parameters view;
  private final double[] slopes;

  /**
   * A model of {@code network} declared with {@code layout}.
   *
   * @param network the imported network and its parameters
   * @param layout its layout (see {@link ImportedNetwork#layout})
   */
  ImportedModel(ImportedNetwork network, NetworkLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.p = network.parameters().clone();
    if (p.length != layout.parameterCount()) {
      throw new IllegalArgumentException(p.length + " parameters for a layout of " + layout.parameterCount());
    }
    this.view = Parameters.flat(layout, p);
    this.slopes = network.layers().stream().mapToDouble(ImportedNetwork.Layer::slope).toArray();
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
  public void predict(double[] x, double[] y) {
    double[] a = x;
    for (int l = 0; l < layout.layers().size(); l++) {
      DenseLayout d = layout.layers().get(l);
      double[] z = new double[d.units()];
      for (int u = 0; u < d.units(); u++) {
        double sum = switch (d.bias()) {
          case PER_NEURON -> p[d.firstBias() + u];
          case SHARED -> p[d.firstBias()];
          case NONE -> 0;
        };
        for (int i = 0; i < d.inputs(); i++) {
          sum += p[d.weightIndex(u, i)] * a[i];
        }
        z[u] = sum;
      }
      a = activate(d.activation(), slopes[l], z);
    }
    System.arraycopy(a, 0, y, 0, a.length);
  }

  private static double[] activate(Activation f, double slope, double[] z) {
    if (f == Activation.SOFTMAX) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int i = 0; i < z.length; i++) {
        z[i] = Math.exp(z[i] - max);
        sum += z[i];
      }
      for (int i = 0; i < z.length; i++) {
        z[i] /= sum;
      }
      return z;
    }
    for (int i = 0; i < z.length; i++) {
      double v = z[i];
      z[i] = switch (f) {
        case IDENTITY -> v;
        case RELU -> Math.max(0, v);
        case LEAKY_RELU -> v > 0 ? v : slope * v;
        case ELU -> v > 0 ? v : Math.expm1(v);
        case SIGMOID -> 1 / (1 + Math.exp(-v));
        case TANH -> Math.tanh(v);
        default -> throw new IllegalStateException("no import yields " + f);
      };
    }
    return z;
  }
}
