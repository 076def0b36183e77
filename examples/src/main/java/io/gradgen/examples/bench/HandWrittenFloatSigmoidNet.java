package io.gradgen.examples.bench;

/**
 * {@link HandWrittenSigmoidNet} in {@code float}, the baseline for the float {@code SeedNet}: what a careful engineer writes by hand for a one-hidden-layer
 * network with sigmoid on both layers, one bias shared by each layer and the loss E = ½·Σ(t − o)².
 * Ordinary nested loops over preallocated arrays, allocation-free.
 *
 * <p>Parameters in the generated model's layout: hidden weights row by row ({@code w[unit][input]}),
 * the hidden layer's shared bias, output weights row by row, the output layer's shared bias.
 */
final class HandWrittenFloatSigmoidNet implements HandWrittenFloatNet {
  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final int hiddenBias;
  private final int outputWeights;
  private final int outputBias;
  private final float[] p;
  private final float[] h; // hidden activations
  private final float[] o; // outputs
  private final float[] dh; // ∂E/∂h, then δ of the hidden layer
  private final float[] dOut; // δ of the output layer

  HandWrittenFloatSigmoidNet(int inputs, int hidden, int outputs, float[] parameters) {
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
    this.h = new float[hidden];
    this.o = new float[outputs];
    this.dh = new float[hidden];
    this.dOut = new float[outputs];
  }

  @Override
  public float[] parameters() {
    return p;
  }

  private static float sigmoid(float z) {
    return 1f / (1f + (float) Math.exp(-z));
  }

  private void forward(float[] x) {
    float b1 = p[hiddenBias];
    for (int j = 0; j < hidden; j++) {
      int row = j * inputs;
      float sum = b1;
      for (int k = 0; k < inputs; k++) {
        sum += p[row + k] * x[k];
      }
      h[j] = sigmoid(sum);
    }
    float b2 = p[outputBias];
    for (int j = 0; j < outputs; j++) {
      int row = outputWeights + j * hidden;
      float sum = b2;
      for (int k = 0; k < hidden; k++) {
        sum += p[row + k] * h[k];
      }
      o[j] = sigmoid(sum);
    }
  }

  @Override
  public void predict(float[] x, float[] y) {
    forward(x);
    System.arraycopy(o, 0, y, 0, outputs);
  }

  /** Adds ∂E/∂θ into {@code grad}; returns E. */
  @Override
  public float gradient(float[] x, float[] t, float[] grad) {
    forward(x);
    float e = 0f;
    float biasGrad = 0f;
    for (int j = 0; j < outputs; j++) {
      float err = o[j] - t[j];
      e += err * err;
      float d = err * (o[j] * (1f - o[j]));
      dOut[j] = d;
      biasGrad += d;
    }
    for (int k = 0; k < hidden; k++) {
      dh[k] = 0f;
    }
    for (int j = 0; j < outputs; j++) {
      float d = dOut[j];
      int row = outputWeights + j * hidden;
      for (int k = 0; k < hidden; k++) {
        grad[row + k] += d * h[k];
        dh[k] += d * p[row + k];
      }
    }
    grad[outputBias] += biasGrad;
    biasGrad = 0f;
    for (int j = 0; j < hidden; j++) {
      float d = dh[j] * (h[j] * (1f - h[j]));
      int row = j * inputs;
      for (int k = 0; k < inputs; k++) {
        grad[row + k] += d * x[k];
      }
      biasGrad += d;
    }
    grad[hiddenBias] += biasGrad;
    return 0.5f * e;
  }
}
