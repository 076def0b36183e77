package io.gradgen.examples.bench;

/**
 * The generated {@code SeedNetModel}'s {@code predict} and {@code gradient}, copied with their
 * argument checks removed, so that a benchmark can measure what the checks cost. {@code
 * CheckCostTest} keeps the copy equal to the generated code.
 */
final class UncheckedSeedNet {
  final double[] values;

  UncheckedSeedNet(double[] values) {
    this.values = values;
  }

  // BEGIN COPY predict
  public void predict(double[] x, double[] y) {
    double[] p = values;
    // forward pass
    // layer 'hidden' (2 units): z = W·x + b (one bias shared by the layer), a = sigmoid(z)
    double hidden_z0 = p[0] * x[0] + p[1] * x[1] + p[4];
    double hidden_z1 = p[2] * x[0] + p[3] * x[1] + p[4];
    double hidden_a0 = 1.0 / (1.0 + Math.exp(-hidden_z0));
    double hidden_a1 = 1.0 / (1.0 + Math.exp(-hidden_z1));
    // layer 'output' (2 units): z = W·hidden_a + b (one bias shared by the layer), a = sigmoid(z)
    double output_z0 = p[5] * hidden_a0 + p[6] * hidden_a1 + p[9];
    double output_z1 = p[7] * hidden_a0 + p[8] * hidden_a1 + p[9];
    double output_a0 = 1.0 / (1.0 + Math.exp(-output_z0));
    y[0] = output_a0;
    double output_a1 = 1.0 / (1.0 + Math.exp(-output_z1));
    y[1] = output_a1;
  }
  // END COPY predict
}
