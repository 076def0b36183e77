package io.gradgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import io.gradgen.data.Standardizer;
import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import io.gradgen.train.Adam;
import io.gradgen.train.Initializer;
import io.gradgen.train.LearningRateSchedule;
import io.gradgen.train.Metrics;
import io.gradgen.train.Momentum;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import io.gradgen.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The runtime's public entry points reject bad arguments with an exception that names the
 * parameter and, for a wrong size or value, the actual and the expected one.
 */
class InputCheckTest {
  private static void message(Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }

  private static void npe(String name, Executable call) {
    message(NullPointerException.class, name, call);
  }

  private static void iae(String message, Executable call) {
    message(IllegalArgumentException.class, message, call);
  }

  private static Trainer trainer() {
    return Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.maxEpochs(1)).build();
  }

  @Test
  void training() {
    iae("rate must be positive and finite, but is -0.1", () -> new Sgd(-0.1));
    iae("rate must be positive and finite, but is NaN", () -> new Adam(Double.NaN));
    iae("momentum must be in [0, 1), but is 1.0", () -> new Momentum(0.1, 1));
    npe("schedule", () -> new Sgd((LearningRateSchedule) null));
    npe("schedule", () -> new Adam((LearningRateSchedule) null));
    iae("the batch size must be at least 1, but is 0", () -> Trainer.builder(new Sgd(0.1)).miniBatch(0));
    iae("epochs must be at least 1, but is 0", () -> StopRule.maxEpochs(0));
    npe("regularization", () -> Trainer.builder(new Sgd(0.1)).regularization(null));
    npe("rules[1]", () -> Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.maxEpochs(1), null));
    npe("listener", () -> Trainer.builder(new Sgd(0.1)).listener(null));
    npe("model", () -> trainer().fit(null, Line.data()));
    npe("train", () -> trainer().fit(LinearModel.line(1), null));
    iae("the training data has 1 features, the model expects 2",
        () -> trainer().fit(new LinearModel(2, false, 0, 0), Line.data()));
    npe("model", () -> Initializer.xavier().initialize(null, 1));
    npe("data", () -> Metrics.accuracy(LinearModel.line(1), null));
  }

  @Test
  void optimizerSteps() {
    Adam adam = new Adam(0.1);
    npe("parameters", () -> adam.step(null, new double[1]));
    npe("gradient", () -> new Sgd(0.1).step(new double[1], null));
    iae("gradient has 2 elements, parameters has 1", () -> new Sgd(0.1).step(new double[1], new double[2]));
    adam.reset(3);
    iae("parameters has 2 elements, the optimizer's state is sized for 3 (call reset to train another model)",
        () -> adam.step(new double[2], new double[2]));
    iae("parameterCount must be at least 0, but is -1", () -> adam.reset(-1));
    iae("parameterCount must be at least 0, but is -1", () -> new Momentum(0.1, 0.9).reset(-1));
    iae("epoch must be at least 0, but is -1", () -> adam.beginEpoch(-1));
  }

  @Test
  void data() {
    npe("features", () -> DataSet.of(null, new double[1][1]));
    npe("targets row 1 is null", () -> DataSet.of(new double[2][1], new double[][] {{0}, null}));
    iae("features row 1 has 2 values, row 0 has 1", () -> DataSet.of(new double[][] {{0}, {0, 1}}, new double[2][1]));
    iae("features row 0, column 0 is NaN, not a finite number",
        () -> DataSet.of(new double[][] {{Double.NaN}}, new double[1][1]));
    DataSet line = Line.data();
    message(IndexOutOfBoundsException.class, "row 5 is outside 0..4", () -> line.features(5));
    message(IndexOutOfBoundsException.class, "row -1 is outside 0..4", () -> line.select(new int[] {0, -1}));
    message(IndexOutOfBoundsException.class, "feature column 1 is outside 0..0", () -> line.feature(0, 1));
    iae("classes must be at least 1, but is 0", () -> OneHot.encode(0, 0));
    Standardizer s = Standardizer.fit(line);
    npe("x", () -> s.transform(null, new double[1]));
    iae("x has 2 features, expected 1", () -> s.transform(new double[2], new double[1]));
    iae("out must be another array than x", () -> {
      double[] row = {1};
      s.transform(row, row);
    });
  }

  @Test
  void layouts() {
    NetworkLayout layout = LinearModel.line(1).layout();
    message(IndexOutOfBoundsException.class, "parameter index 1 is outside 0..0", () -> layout.parameterName(1));
    message(IndexOutOfBoundsException.class, "unit 1 is outside 0..0 of layer 'y'", () -> layout.layers().get(0).weightIndex(1, 0));
    message(IndexOutOfBoundsException.class, "input -1 is outside 0..0 of layer 'y'", () -> layout.layers().get(0).weightIndex(0, -1));
    iae("inputs must be at least 1, but is 0", () -> NetworkLayout.of(0, Loss.SUM_SQUARED_ERROR, List.of()));
    npe("loss", () -> NetworkLayout.of(1, null, List.of()));
  }
}
