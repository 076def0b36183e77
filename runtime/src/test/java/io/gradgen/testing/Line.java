package io.gradgen.testing;

import io.gradgen.data.DataSet;

/** The data of docs/SEEDS.md §1: inputs 0..4, desired outputs 0, 2, 4, 6, 8 (so W = 2). */
public final class Line {
  private Line() {}

  /** x = 0..4, t = 2·x. */
  public static DataSet data() {
    return scaled(2);
  }

  /** x = 0..4, t = slope·x. */
  public static DataSet scaled(double slope) {
    double[][] x = new double[5][];
    double[][] t = new double[5][];
    for (int i = 0; i < 5; i++) {
      x[i] = new double[] {i};
      t[i] = new double[] {slope * i};
    }
    return DataSet.of(x, t);
  }
}
