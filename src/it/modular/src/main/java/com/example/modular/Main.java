package com.example.modular;

/** Runs the three generated classes and prints what the consumer build checks. */
public final class Main {
  private Main() {}

  /**
   * Prints the seed network's loss, the robust network's gradient size and dSSE/dw at w = 3.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    SeedNetModel seed = new SeedNetModel();
    seed.parameters().copyFrom(new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6});
    System.out.println("seed loss " + seed.loss(new double[] {0.05, 0.1}, new double[] {0.01, 0.99}));
    RobustNetModel robust = new RobustNetModel();
    double[] grad = new double[robust.parameterCount()];
    robust.gradient(new double[] {1, 2}, new double[] {0.5}, grad);
    System.out.println("robust parameters " + grad.length);
    double[] line = new double[1];
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 4, 6, 8, 10};
    LineGradients.sseGradient(3, x, y, line);
    System.out.println("dsse/dw " + line[0]);
  }
}
