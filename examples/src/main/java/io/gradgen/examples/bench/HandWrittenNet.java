package io.gradgen.examples.bench;

/**
 * What every hand-written baseline offers the benchmarks: the forward pass, the gradient of one
 * sample (added into {@code grad}, like the generated models), and its flat parameter array in the
 * generated model's layout.
 */
interface HandWrittenNet {
  /** Writes the outputs for {@code x} into {@code y}. */
  void predict(double[] x, double[] y);

  /** Adds ∂E/∂θ of one sample into {@code grad}; returns its loss E. */
  double gradient(double[] x, double[] t, double[] grad);

  /** The live parameters, in the generated model's layout. */
  double[] parameters();
}
