package io.gradgen.examples.bench;

/**
 * What every hand-written float baseline offers the benchmarks: the forward pass, the gradient of one
 * sample (added into {@code grad}, like the generated models), and its flat parameter array in the
 * generated model's layout.
 */
interface HandWrittenFloatNet {
  /** Writes the outputs for {@code x} into {@code y}. */
  void predict(float[] x, float[] y);

  /** Adds ∂E/∂θ of one sample into {@code grad}; returns its loss E. */
  float gradient(float[] x, float[] t, float[] grad);

  /** The live parameters, in the generated model's layout. */
  float[] parameters();
}
