package io.gradgen.examples.bench;

/**
 * The baseline for the softmax networks: what a careful engineer writes by hand for a
 * one-hidden-layer network with a tanh or ReLU hidden layer, a softmax output layer, a bias per
 * neuron and categorical cross-entropy (computed from the logits, E = Σ t·(logsumexp(z) − z), and
 * its gradient fused to δ = p − t). Ordinary nested loops over preallocated arrays, allocation-free.
 *
 * <p>Parameters in the generated model's layout: hidden weights row by row ({@code w[unit][input]}),
 * hidden biases, output weights row by row, output biases.
 */
final class HandWrittenSoftmaxNet implements HandWrittenNet {
  /** The hidden layer's activation. */
  enum Hidden {
    TANH,
    RELU
  }

  private final boolean relu;
  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final int hiddenBias;
  private final int outputWeights;
  private final int outputBias;
  private final double[] p;
  private final double[] h; // hidden activations
  private final double[] z; // output logits
  private final double[] o; // softmax outputs
  private final double[] dh; // ∂E/∂h
  private double max; // max z, and Σ e^(z − max): the forward pass's softmax, reused by the loss
  private double total;

  HandWrittenSoftmaxNet(Hidden activation, int inputs, int hidden, int outputs, double[] parameters) {
    this.relu = activation == Hidden.RELU;
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.hiddenBias = hidden * inputs;
    this.outputWeights = hiddenBias + hidden;
    this.outputBias = outputWeights + outputs * hidden;
    if (parameters.length != outputBias + outputs) {
      throw new IllegalArgumentException("expected " + (outputBias + outputs) + " parameters");
    }
    this.p = parameters.clone();
    this.h = new double[hidden];
    this.z = new double[outputs];
    this.o = new double[outputs];
    this.dh = new double[hidden];
  }

  @Override
  public double[] parameters() {
    return p;
  }

  private void forward(double[] x) {
    for (int j = 0; j < hidden; j++) {
      int row = j * inputs;
      double sum = p[hiddenBias + j];
      for (int k = 0; k < inputs; k++) {
        sum += p[row + k] * x[k];
      }
      h[j] = relu ? Math.max(0.0, sum) : Math.tanh(sum);
    }
    double m = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < outputs; j++) {
      int row = outputWeights + j * hidden;
      double sum = p[outputBias + j];
      for (int k = 0; k < hidden; k++) {
        sum += p[row + k] * h[k];
      }
      z[j] = sum;
      m = Math.max(m, sum);
    }
    double s = 0.0;
    for (int j = 0; j < outputs; j++) {
      double e = Math.exp(z[j] - m);
      o[j] = e;
      s += e;
    }
    for (int j = 0; j < outputs; j++) {
      o[j] /= s;
    }
    max = m;
    total = s;
  }

  @Override
  public void predict(double[] x, double[] y) {
    forward(x);
    System.arraycopy(o, 0, y, 0, outputs);
  }

  /** Adds ∂E/∂θ into {@code grad}; returns E. Targets must sum to 1. */
  @Override
  public double gradient(double[] x, double[] t, double[] grad) {
    forward(x);
    double logSumExp = max + Math.log(total);
    double e = 0.0;
    for (int j = 0; j < outputs; j++) {
      e += t[j] * (logSumExp - z[j]);
    }
    for (int k = 0; k < hidden; k++) {
      dh[k] = 0.0;
    }
    for (int j = 0; j < outputs; j++) {
      double d = o[j] - t[j];
      int row = outputWeights + j * hidden;
      for (int k = 0; k < hidden; k++) {
        grad[row + k] += d * h[k];
        dh[k] += d * p[row + k];
      }
      grad[outputBias + j] += d;
    }
    for (int j = 0; j < hidden; j++) {
      double d = relu ? (h[j] > 0.0 ? dh[j] : 0.0) : dh[j] * (1.0 - h[j] * h[j]);
      int row = j * inputs;
      for (int k = 0; k < inputs; k++) {
        grad[row + k] += d * x[k];
      }
      grad[hiddenBias + j] += d;
    }
    return e;
  }
}
