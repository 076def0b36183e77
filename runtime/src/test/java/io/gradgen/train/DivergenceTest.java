package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import org.junit.jupiter.api.Test;

/**
 * A run whose loss, gradient or weights become NaN or infinite stops with a {@link
 * TrainingDivergedException} naming the epoch, the step and the value, and the model keeps the
 * weights from before the step that went wrong.
 */
class DivergenceTest {
  private static Trainer.Builder sgd(double rate) {
    return Trainer.builder(new Sgd(rate)).online().seed(3).stopWhen(StopRule.maxEpochs(100_000));
  }

  @Test
  void aTooLargeLearningRateStopsWithTheEpochStepAndLossAndKeepsTheLastFiniteWeights() {
    LinearModel model = LinearModel.line(3);
    TrainingSession session = sgd(1.0).build().start(model, Line.data());
    double before = model.parameters().get(0);
    TrainingDivergedException e = null;
    for (int i = 0; i < 100_000 && e == null; i++) {
      before = model.parameters().get(0);
      try {
        session.step();
      } catch (TrainingDivergedException thrown) {
        e = thrown;
      }
    }
    assertTrue(e != null, "W oscillates with a growing amplitude until the loss overflows");
    assertEquals(TrainingDivergedException.Quantity.LOSS, e.quantity());
    assertEquals(Double.POSITIVE_INFINITY, e.value());
    assertEquals(session.iterations(), e.step(), "the failing step is counted from 0");
    assertEquals(session.epochs() + 1, e.epoch(), "the epoch under way, numbered from 1");
    assertEquals(-1, e.parameterIndex());
    assertTrue(e.getMessage().startsWith(
        "training diverged in epoch " + e.epoch() + ", step " + e.step() + ": the loss is Infinity;"),
        e.getMessage());
    assertTrue(Double.isFinite(model.parameters().get(0)));
    assertEquals(before, model.parameters().get(0), 0.0, "the weights from before the failing step");
    IllegalStateException again = assertThrows(IllegalStateException.class, session::step);
    assertTrue(again.getMessage().startsWith("training has diverged"), again.getMessage());
  }

  @Test
  void fitThrowsAndTheExceptionCarriesTheEpochsThatFinished() {
    LinearModel model = LinearModel.line(3);
    TrainingDivergedException e =
        assertThrows(TrainingDivergedException.class, () -> sgd(1.0).build().fit(model, Line.data()));
    assertTrue(e.epoch() > 0 && e.epoch() < 1000, "epoch " + e.epoch());
    assertEquals(e.epoch() - 1, e.history().epochs(), "the epochs before the failing one finished");
    for (double loss : e.history().trainingLosses()) {
      assertTrue(Double.isFinite(loss));
    }
    assertTrue(Double.isFinite(model.parameters().get(0)));
  }

  @Test
  void anUpdateThatOverflowsIsUndoneAndNamesTheParameter() {
    // Gradient at W = 3: mean of 2·(3x − 2x)·x = 12, finite; η·12 with η = 1e308 overflows.
    LinearModel model = LinearModel.line(3);
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () -> Trainer.builder(new Sgd(1e308)).fullBatch().stopWhen(StopRule.maxEpochs(5)).build()
                .fit(model, Line.data()));
    assertEquals(TrainingDivergedException.Quantity.PARAMETER, e.quantity());
    assertEquals(0, e.parameterIndex());
    assertEquals("y.w[0][0]", e.parameterName());
    assertEquals(Double.NEGATIVE_INFINITY, e.value());
    assertEquals(1, e.epoch());
    assertEquals(0, e.step());
    assertTrue(e.getMessage().contains("the update made y.w[0][0] (parameter 0) -Infinity"), e.getMessage());
    assertArrayEquals(new double[] {3}, model.parameters().toArray(), 0.0, "restored after the optimizer wrote −∞");
  }

  @Test
  void aNonFiniteGradientComponentIsNamed() {
    // λ·w = 1e308·3 overflows in the L2 term while the data loss stays finite.
    LinearModel model = new LinearModel(1, true, 3, 0.5);
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () -> Trainer.builder(new Adam(0.1)).fullBatch().regularization(L2Regularization.of(1e308))
                .stopWhen(StopRule.maxEpochs(5)).build().fit(model, Line.data()));
    assertEquals(TrainingDivergedException.Quantity.GRADIENT, e.quantity());
    assertEquals("y.w[0][0]", e.parameterName());
    assertTrue(e.getMessage().contains("∂E/∂y.w[0][0] (parameter 0) is Infinity"), e.getMessage());
    assertArrayEquals(new double[] {3, 0.5}, model.parameters().toArray(), 0.0);
  }

  @Test
  void nonFiniteStartingWeightsAreRefusedByName() {
    LinearModel model = new LinearModel(1, true, 1, Double.NaN);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd(0.1).build().start(model, Line.data()));
    assertEquals("the model's parameter 1 (y.b[0]) is NaN; initialize the model with finite weights", e.getMessage());
  }
}
