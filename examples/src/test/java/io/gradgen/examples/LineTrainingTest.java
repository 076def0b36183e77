package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.train.StopReason;
import io.gradgen.train.TrainingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * docs/SEEDS.md §1 trained with the generated {@link LineNetModel}: W = 2 (±1e−6) from W = 3 and from
 * random starts, in each of the online, mini-batch and full-batch modes.
 */
class LineTrainingTest {
  @Test
  void wLearns2FromW3InEachMode() {
    for (String mode : LineExample.MODES.keySet()) {
      LineNetModel model = new LineNetModel(new double[] {3});
      TrainingResult result = LineExample.train(model, mode, 42, r -> {});
      assertEquals(2.0, model.parameters().get(0), 1e-6, mode);
      assertEquals(StopReason.TARGET_LOSS, result.reason(), mode);
    }
  }

  @Test
  void wLearns2FromRandomStartsInEachMode() {
    SplittableRandom random = new SplittableRandom(42);
    for (String mode : LineExample.MODES.keySet()) {
      for (int i = 0; i < 10; i++) {
        double start = random.nextDouble(-10, 10);
        LineNetModel model = new LineNetModel(new double[] {start});
        LineExample.train(model, mode, i, r -> {});
        assertEquals(2.0, model.parameters().get(0), 1e-6, mode + " from W = " + start);
      }
    }
  }

  @Test
  void theExampleReportsWPerMode() {
    ExampleResult result = new LineExample(3).run(42, name -> r -> {});
    for (String mode : LineExample.MODES.keySet()) {
      assertEquals(2.0, result.metric("W " + mode), 1e-6);
    }
  }
}
