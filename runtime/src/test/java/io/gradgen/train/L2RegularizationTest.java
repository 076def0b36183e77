package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.data.DataSet;
import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import org.junit.jupiter.api.Test;

/** L2 regularization adds λ·w to the gradient of the weights, and by default not of the biases. */
class L2RegularizationTest {
  private static final LinearModel AFFINE = new LinearModel(1, true, 0, 0);

  @Test
  void biasesAreExcludedByDefault() {
    assertArrayEquals(new int[] {0}, L2Regularization.of(0.1).indices(AFFINE.layout()));
    assertArrayEquals(new int[] {0, 1}, L2Regularization.of(0.1).includingBiases().indices(AFFINE.layout()));
    assertArrayEquals(new int[0], L2Regularization.NONE.indices(AFFINE.layout()));
  }

  @Test
  void thePenaltyIsHalfLambdaTimesTheSquaredNorm() {
    assertEquals(0.5 * 0.1 * (9 + 16), L2Regularization.of(0.1).penalty(new double[] {3, 4}, new int[] {0, 1}), 1e-15);
  }

  /** y = 2x + 5 fits its data exactly: the data gradient is 0 and only the L2 term moves the parameters. */
  private static double[] oneStep(L2Regularization l2) {
    double[][] x = {{0}, {1}, {2}};
    double[][] t = {{5}, {7}, {9}};
    LinearModel model = new LinearModel(1, true, 2, 5);
    Trainer.builder(new Sgd(0.1)).fullBatch().regularization(l2).stopWhen(StopRule.maxIterations(1)).build()
        .fit(model, DataSet.of(x, t));
    return model.parameters().toArray();
  }

  @Test
  void aStepShrinksTheWeightsButNotTheBiases() {
    assertArrayEquals(new double[] {2 - 0.1 * 1.0 * 2, 5}, oneStep(L2Regularization.of(1.0)), 1e-15);
    assertArrayEquals(new double[] {1.8, 4.5}, oneStep(L2Regularization.of(1.0).includingBiases()), 1e-15);
  }

  @Test
  void trainingConvergesToTheRidgeSolution() {
    // Objective (1/5)·Σ(t − Wx)² + λ/2·W² with t = 2x: W* = (2/5)·Σxt / ((2/5)·Σx² + λ) = 24 / (12 + λ).
    LinearModel model = LinearModel.line(3);
    Trainer.builder(new Sgd(0.02)).fullBatch().regularization(L2Regularization.of(12))
        .stopWhen(StopRule.maxEpochs(500)).build().fit(model, Line.data());
    assertEquals(1.0, model.parameters().get(0), 1e-9);
  }
}
