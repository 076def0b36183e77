package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-batch hook: one call per optimizer step, numbered as the epochs and steps of the result. */
class TrainingHooksTest {
  @Test
  void everyStepIsHeardWithItsEpochStepAndLoss() {
    List<String> heard = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onBatch(int epoch, long iteration, double loss) {
            heard.add(epoch + ":" + iteration);
          }

          @Override
          public void onEpoch(EpochReport report) {
            heard.add("epoch " + report.epoch());
          }
        };
    // 5 samples in batches of 2: steps of 2, 2 and 1 samples per epoch.
    TrainingResult result =
        Trainer.builder(new Sgd(0.01)).miniBatch(2).stopWhen(StopRule.maxEpochs(2)).listener(listener).build()
            .fit(LinearModel.line(3), Line.data());
    assertEquals(List.of("1:1", "1:2", "1:3", "epoch 1", "2:4", "2:5", "2:6", "epoch 2"), heard);
    assertEquals(2, result.epochs());
    assertEquals(6, result.iterations());
  }

  /** Full batch at W = 3: the batch loss is the mean of (3x − 2x)² over x = 0..4, 30 / 5 = 6. */
  @Test
  void theBatchLossIsTheMeanLossBeforeTheStep() {
    double[] first = {Double.NaN};
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onBatch(int epoch, long iteration, double loss) {
            if (iteration == 1) {
              first[0] = loss;
            }
          }

          @Override
          public void onEpoch(EpochReport report) {}
        };
    Trainer.builder(new Sgd(0.01)).fullBatch().stopWhen(StopRule.maxEpochs(1)).listener(listener).build()
        .fit(LinearModel.line(3), Line.data());
    assertEquals(6.0, first[0], 1e-12);
  }
}
