package io.gradgen.onnx.nets;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Differentiable;
import io.gradgen.Loss;
import io.gradgen.Network;

/** A custom activation: a Java method, which the exporter refuses. */
@Network(
    inputs = 2,
    layers = {@Dense(name = "hidden", units = 2, activation = Activation.CUSTOM, function = "cube"),
      @Dense(name = "out", units = 1)},
    loss = Loss.MEAN_SQUARED_ERROR)
public interface CustomNet {
  /**
   * z³.
   *
   * @param z the input
   * @return z³
   */
  @Differentiable
  static double cube(double z) {
    return z * z * z;
  }
}
