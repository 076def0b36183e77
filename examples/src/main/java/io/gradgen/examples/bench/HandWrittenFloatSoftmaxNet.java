package io.gradgen.examples.bench;

/**
 * {@link HandWrittenSoftmaxNet} in {@code float}, the baseline for the float softmax networks:
 * what a careful engineer writes by hand for a
 * one-hidden-layer network with a tanh or ReLU hidden layer, a softmax output layer, a bias per
 * neuron and categorical cross-entropy (computed from the logits, E = Σ t·(logsumexp(z) − z), and
 * its gradient fused to δ = p − t). Ordinary nested loops over preallocated arrays, allocation-free.
 *
 * <p>Parameters in the generated model's layout: hidden weights row by row ({@code w[unit][input]}),
 * hidden biases, output weights row by row, output biases.
 */
final class HandWrittenFloatSoftmaxNet implements HandWrittenFloatNet {
  private final boolean relu;
  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final int hiddenBias;
  private final int outputWeights;
  private final int outputBias;
  private final float[] p;
  private final float[] h; // hidden activations
  private final float[] z; // output logits
  private final float[] o; // softmax outputs
  private final float[] dh; // ∂E/∂h
  private float max; // max z, and Σ e^(z − max): the forward pass's softmax, reused by the loss
  private float total;

  HandWrittenFloatSoftmaxNet(HandWrittenSoftmaxNet.Hidden activation, int inputs, int hidden, int outputs, float[] parameters) {
    this.relu = activation == HandWrittenSoftmaxNet.Hidden.RELU;
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
    this.h = new float[hidden];
    this.z = new float[outputs];
    this.o = new float[outputs];
    this.dh = new float[hidden];
  }

  @Override
  public float[] parameters() {
    return p;
  }

  private void forward(float[] x) {
    for (int j = 0; j < hidden; j++) {
      int row = j * inputs;
      float sum = p[hiddenBias + j];
      for (int k = 0; k < inputs; k++) {
        sum += p[row + k] * x[k];
      }
      h[j] = relu ? Math.max(0f, sum) : (float) Math.tanh(sum);
    }
    float m = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < outputs; j++) {
      int row = outputWeights + j * hidden;
      float sum = p[outputBias + j];
      for (int k = 0; k < hidden; k++) {
        sum += p[row + k] * h[k];
      }
      z[j] = sum;
      m = Math.max(m, sum);
    }
    float s = 0f;
    for (int j = 0; j < outputs; j++) {
      float e = (float) Math.exp(z[j] - m);
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
  public void predict(float[] x, float[] y) {
    forward(x);
    System.arraycopy(o, 0, y, 0, outputs);
  }

  /** Adds ∂E/∂θ into {@code grad}; returns E. Targets must sum to 1. */
  @Override
  public float gradient(float[] x, float[] t, float[] grad) {
    forward(x);
    float logSumExp = max + (float) Math.log(total);
    float e = 0f;
    for (int j = 0; j < outputs; j++) {
      e += t[j] * (logSumExp - z[j]);
    }
    for (int k = 0; k < hidden; k++) {
      dh[k] = 0f;
    }
    for (int j = 0; j < outputs; j++) {
      float d = o[j] - t[j];
      int row = outputWeights + j * hidden;
      for (int k = 0; k < hidden; k++) {
        grad[row + k] += d * h[k];
        dh[k] += d * p[row + k];
      }
      grad[outputBias + j] += d;
    }
    for (int j = 0; j < hidden; j++) {
      float d = relu ? (h[j] > 0f ? dh[j] : 0f) : dh[j] * (1f - h[j] * h[j]);
      int row = j * inputs;
      for (int k = 0; k < inputs; k++) {
        grad[row + k] += d * x[k];
      }
      grad[hiddenBias + j] += d;
    }
    return e;
  }
}
