package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.Activation;
import io.gradgen.train.GradientCheck;
import io.gradgen.train.Initializer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CLI's run-time model: exact gradients (finite differences) and the same numbers as generated code. */
class RuntimeDenseModelTest {
  @Test
  void gradientsMatchFiniteDifferencesForEveryActivationAndBothOutputs() {
    SplittableRandom random = new SplittableRandom(3);
    for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.IDENTITY}) {
      for (boolean classification : new boolean[] {true, false}) {
        RuntimeDenseModel model = new RuntimeDenseModel(3, new int[] {5, 4}, a, 3, classification);
        Initializer.xavier().initialize(model, 11);
        double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double[] t = classification ? new double[] {0, 1, 0} : new double[] {0.3, -1.2, 2};
        GradientCheck.check(model, x, t).assertBelow(1e-6);
      }
    }
  }

  /** With IrisNet's layer names the layout is IrisNet's, so the generated model reads the same weights. */
  @Test
  void itComputesWhatTheGeneratedModelOfTheSameDeclarationComputes() {
    RuntimeDenseModel runtime = RuntimeDenseModel.fromFingerprint(new IrisNetModel().layout().fingerprint());
    IrisNetModel generated = new IrisNetModel();
    Initializer.xavier().initialize(generated, 5);
    runtime.parameters().copyFrom(generated.parameters().toArray());
    double[] x = {5.1, 3.5, 1.4, 0.2};
    double[] target = {1, 0, 0};
    double[] a = new double[3];
    double[] b = new double[3];
    runtime.predict(x, a);
    generated.predict(x, b);
    assertArrayEquals(b, a, 1e-12);
    assertEquals(generated.loss(x, target), runtime.loss(x, target), 1e-12);
    double[] ga = new double[67];
    double[] gb = new double[67];
    runtime.gradient(x, target, ga);
    generated.gradient(x, target, gb);
    assertArrayEquals(gb, ga, 1e-12);
  }

  @Test
  void badInputsAreNamed() {
    RuntimeDenseModel model = new RuntimeDenseModel(2, new int[] {3}, Activation.TANH, 1, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[3], new double[1]));
    assertEquals("x has length 3, expected 2", e.getMessage());
    assertEquals("inputs=2;dense1:3,TANH,PER_NEURON;output:1,IDENTITY,PER_NEURON;loss=MEAN_SQUARED_ERROR",
        model.layout().fingerprint());
  }
}
