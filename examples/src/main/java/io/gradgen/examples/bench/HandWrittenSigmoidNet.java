package io.gradgen.examples.bench;

/**
 * The baseline for {@code SeedNet}: what a careful engineer writes by hand for a one-hidden-layer
 * network with sigmoid on both layers, one bias shared by each layer and the loss E = ½·Σ(t − o)².
 * Ordinary nested loops over preallocated arrays, allocation-free.
 *
 * <p>Parameters in the generated model's layout: hidden weights row by row ({@code w[unit][input]}),
 * the hidden layer's shared bias, output weights row by row, the output layer's shared bias.
 */
final class HandWrittenSigmoidNet implements HandWrittenNet {
  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final int hiddenBias;
  private final int outputWeights;
  private final int outputBias;
  private final double[] p;
  private final double[] h; // hidden activations
  private final double[] o; // outputs
  private final double[] dh; // ∂E/∂h, then δ of the hidden layer
  private final double[] dOut; // δ of the output layer

  HandWrittenSigmoidNet(int inputs, int hidden, int outputs, double[] parameters) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.hiddenBias = hidden * inputs;
    this.outputWeights = hiddenBias + 1;
    this.outputBias = outputWeights + outputs * hidden;
    if (parameters.length != outputBias + 1) {
      throw new IllegalArgumentException("expected " + (outputBias + 1) + " parameters");
    }
    this.p = parameters.clone();
    this.h = new double[hidden];
    this.o = new double[outputs];
    this.dh = new double[hidden];
    this.dOut = new double[outputs];
  }

  @Override
  public double[] parameters() {
    return p;
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  private void forward(double[] x) {
    double b1 = p[hiddenBias];
    for (int j = 0; j < hidden; j++) {
      int row = j * inputs;
      double sum = b1;
      for (int k = 0; k < inputs; k++) {
        sum += p[row + k] * x[k];
      }
      h[j] = sigmoid(sum);
    }
    double b2 = p[outputBias];
    for (int j = 0; j < outputs; j++) {
      int row = outputWeights + j * hidden;
      double sum = b2;
      for (int k = 0; k < hidden; k++) {
        sum += p[row + k] * h[k];
      }
      o[j] = sigmoid(sum);
    }
  }

  @Override
  public void predict(double[] x, double[] y) {
    forward(x);
    System.arraycopy(o, 0, y, 0, outputs);
  }

  /** Adds ∂E/∂θ into {@code grad}; returns E. */
  @Override
  public double gradient(double[] x, double[] t, double[] grad) {
    forward(x);
    double e = 0.0;
    double biasGrad = 0.0;
    for (int j = 0; j < outputs; j++) {
      double err = o[j] - t[j];
      e += err * err;
      double d = err * (o[j] * (1.0 - o[j]));
      dOut[j] = d;
      biasGrad += d;
    }
    for (int k = 0; k < hidden; k++) {
      dh[k] = 0.0;
    }
    for (int j = 0; j < outputs; j++) {
      double d = dOut[j];
      int row = outputWeights + j * hidden;
      for (int k = 0; k < hidden; k++) {
        grad[row + k] += d * h[k];
        dh[k] += d * p[row + k];
      }
    }
    grad[outputBias] += biasGrad;
    biasGrad = 0.0;
    for (int j = 0; j < hidden; j++) {
      double d = dh[j] * (h[j] * (1.0 - h[j]));
      int row = j * inputs;
      for (int k = 0; k < inputs; k++) {
        grad[row + k] += d * x[k];
      }
      biasGrad += d;
    }
    grad[hiddenBias] += biasGrad;
    return 0.5 * e;
  }
}
