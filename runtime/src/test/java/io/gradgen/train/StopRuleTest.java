package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stop rule of docs/SEEDS.md §4 stops training for its own reason. */
class StopRuleTest {
  private static Trainer.Builder sgd(double rate) {
    return Trainer.builder(new Sgd(rate)).fullBatch();
  }

  @Test
  void maxEpochsStopsAfterThatManyEpochs() {
    TrainingResult r = sgd(0.001).stopWhen(StopRule.maxEpochs(7)).build().fit(LinearModel.line(3), Line.data());
    assertEquals(StopReason.MAX_EPOCHS, r.reason());
    assertEquals(7, r.epochs());
    assertEquals(7, r.history().trainingLosses().length);
  }

  @Test
  void maxIterationsStopsMidEpoch() {
    TrainingResult r =
        Trainer.builder(new Sgd(0.001)).online().stopWhen(StopRule.maxIterations(12), StopRule.maxEpochs(100)).build()
            .fit(LinearModel.line(3), Line.data());
    assertEquals(StopReason.MAX_ITERATIONS, r.reason());
    assertEquals(12, r.iterations());
    assertEquals(3, r.epochs(), "two full epochs of 5 steps and a partial one of 2");
  }

  @Test
  void targetLossStopsAtTheFirstEpochAtOrBelowIt() {
    TrainingResult r =
        sgd(0.01).stopWhen(StopRule.targetLoss(0.01), StopRule.maxEpochs(1000)).build().fit(LinearModel.line(3), Line.data());
    assertEquals(StopReason.TARGET_LOSS, r.reason());
    double[] loss = r.history().trainingLosses();
    assertTrue(loss[loss.length - 1] <= 0.01);
    assertTrue(loss[loss.length - 2] > 0.01);
  }

  @Test
  void minImprovementStopsWhenTheAverageDecreaseOverTheWindowIsTooSmall() {
    TrainingResult r =
        sgd(0.001).stopWhen(StopRule.minImprovement(0.05, 3), StopRule.maxEpochs(1000)).build()
            .fit(LinearModel.line(3), Line.data());
    assertEquals(StopReason.NO_IMPROVEMENT, r.reason());
    double[] loss = r.history().trainingLosses();
    int last = loss.length - 1;
    assertTrue((loss[last - 3] - loss[last]) / 3 < 0.05);
    assertTrue((loss[last - 4] - loss[last - 1]) / 3 >= 0.05, "not met one epoch earlier");
    assertTrue(loss.length > 4);
  }

  @Test
  void earlyStoppingStopsWhenValidationRisesAndRestoresTheBestWeights() {
    // Training data says W = 2, validation data W = 1; from W = 0 the validation loss falls, then
    // rises once W passes 1, while the training loss keeps falling.
    List<Double> weights = new ArrayList<>();
    LinearModel model = LinearModel.line(0);
    TrainingResult r =
        sgd(0.01)
            .listener(e -> weights.add(model.parameters().get(0)))
            .stopWhen(StopRule.earlyStopping(3, 0), StopRule.maxEpochs(1000))
            .build()
            .fit(model, Line.data(), Line.scaled(1));
    assertEquals(StopReason.EARLY_STOPPING, r.reason());
    LossHistory h = r.history();
    int best = h.bestEpoch();
    assertEquals(best + 1, r.restoredEpoch(), "the restored epoch's number, counted from 1");
    assertEquals(best + 1 + 3, r.epochs(), "stopped after 3 epochs without improvement");
    for (int e = 0; e < h.epochs(); e++) {
      assertTrue(h.validationLoss(best) <= h.validationLoss(e));
      if (e > 0) {
        assertTrue(h.trainingLoss(e) < h.trainingLoss(e - 1), "training loss still falls");
      }
    }
    assertTrue(h.validationLoss(h.epochs() - 1) > h.validationLoss(best));
    assertEquals(weights.get(best), model.parameters().get(0), 0.0, "the best epoch's weight is back");
    assertFalse(weights.get(weights.size() - 1).equals(model.parameters().get(0)));
    assertEquals(h.validationLoss(best), r.finalValidationLoss(), 0.0);
  }

  @Test
  void earlyStoppingRestoresTheBestWeightsWhenMaxEpochsEndsTrainingFirst() {
    // README's combination: the validation loss is best at some epoch b and rises after it; with a
    // patience longer than the run, maxEpochs ends training, and the weights of epoch b come back.
    LinearModel probe = LinearModel.line(0);
    int best = sgd(0.01).stopWhen(StopRule.earlyStopping(3, 0), StopRule.maxEpochs(1000)).build()
        .fit(probe, Line.data(), Line.scaled(1)).history().bestEpoch();
    List<Double> weights = new ArrayList<>();
    LinearModel model = LinearModel.line(0);
    TrainingResult r =
        sgd(0.01)
            .listener(e -> weights.add(model.parameters().get(0)))
            .stopWhen(StopRule.earlyStopping(1000, 0), StopRule.maxEpochs(best + 3))
            .build()
            .fit(model, Line.data(), Line.scaled(1));
    assertEquals(StopReason.MAX_EPOCHS, r.reason());
    assertEquals(best + 3, r.epochs());
    assertEquals(best, r.history().bestEpoch());
    assertEquals(best + 1, r.restoredEpoch(), "epochs are numbered from 1; the history's index from 0");
    assertEquals(weights.get(best), model.parameters().get(0), 0.0, "the best epoch's weight is back");
    assertTrue(weights.get(best + 2) != model.parameters().get(0), "not the last epoch's");
    assertEquals(r.history().validationLoss(best), r.finalValidationLoss(), 0.0);
  }

  @Test
  void whenTheLastEpochIsTheBestNothingIsRestored() {
    // Validation and training agree (W = 2): the validation loss falls every epoch.
    LinearModel model = LinearModel.line(0);
    TrainingResult r = sgd(0.01).stopWhen(StopRule.earlyStopping(5, 0), StopRule.maxEpochs(4)).build()
        .fit(model, Line.data(), Line.data());
    assertEquals(3, r.history().bestEpoch());
    assertEquals(0, r.restoredEpoch(), "0: nothing restored");
  }

  @Test
  void rulesAreCheckedInTheOrderGiven() {
    TrainingResult r =
        sgd(0.001).stopWhen(StopRule.maxEpochs(3), StopRule.maxIterations(3)).build().fit(LinearModel.line(3), Line.data());
    assertEquals(StopReason.MAX_EPOCHS, r.reason());
  }
}
