package com.example;

import io.gradgen.Differentiable;

/** A @Differentiable method, so the fresh build reads method bodies too. */
public final class Robust {
  private Robust() {}

  @Differentiable
  static double swish(double z) {
    return z / (1 + Math.exp(-z));
  }
}
