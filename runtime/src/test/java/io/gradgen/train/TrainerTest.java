package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.testing.Line;
import io.gradgen.testing.LinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The trainer's three modes (docs/SEEDS.md §1), its shuffling, listeners and checks. */
class TrainerTest {
  private static final List<UnaryOperator<Trainer.Builder>> MODES =
      List.of(Trainer.Builder::online, b -> b.miniBatch(2), Trainer.Builder::fullBatch);

  private static TrainingResult trainLine(LinearModel model, UnaryOperator<Trainer.Builder> mode) {
    Trainer trainer =
        mode.apply(Trainer.builder(new Sgd(0.05)))
            .seed(7)
            .stopWhen(StopRule.targetLoss(1e-14), StopRule.maxEpochs(1000))
            .build();
    return trainer.fit(model, Line.data());
  }

  @Test
  void theLineLearnsWEquals2FromWEquals3InEveryMode() {
    for (UnaryOperator<Trainer.Builder> mode : MODES) {
      LinearModel model = LinearModel.line(3);
      TrainingResult result = trainLine(model, mode);
      assertEquals(2.0, model.parameters().get(0), 1e-6);
      assertEquals(StopReason.TARGET_LOSS, result.reason());
    }
  }

  @Test
  void theLineLearnsWEquals2FromRandomStartsInEveryMode() {
    SplittableRandom random = new SplittableRandom(2024);
    for (UnaryOperator<Trainer.Builder> mode : MODES) {
      for (int start = 0; start < 10; start++) {
        double w0 = random.nextDouble(-10, 10);
        LinearModel model = LinearModel.line(w0);
        trainLine(model, mode);
        assertEquals(2.0, model.parameters().get(0), 1e-6, "from W = " + w0);
      }
    }
  }

  /**
   * A model whose class implements the batch gradient (as generated models do), counting its calls;
   * it sums the rows like the per-sample path, so the training must come out the same.
   */
  private static final class OwnBatchGradient implements io.gradgen.DifferentiableModel {
    final LinearModel inner;
    int batchCalls;

    OwnBatchGradient(LinearModel inner) {
      this.inner = inner;
    }

    @Override
    public double gradient(double[] xs, int xOffset, double[] ts, int tOffset, int count, double[] grad) {
      batchCalls++;
      // the interface's default: the rows' gradients in order, as the per-sample path adds them
      return inner.gradient(xs, xOffset, ts, tOffset, count, grad);
    }

    @Override
    public double gradient(double[] x, double[] t, double[] grad) {
      return inner.gradient(x, t, grad);
    }

    @Override
    public double loss(double[] x, double[] t) {
      return inner.loss(x, t);
    }

    @Override
    public void predict(double[] x, double[] y) {
      inner.predict(x, y);
    }

    @Override
    public int inputCount() {
      return inner.inputCount();
    }

    @Override
    public int outputCount() {
      return inner.outputCount();
    }

    @Override
    public int parameterCount() {
      return inner.parameterCount();
    }

    @Override
    public io.gradgen.Parameters parameters() {
      return inner.parameters();
    }

    @Override
    public io.gradgen.NetworkLayout layout() {
      return inner.layout();
    }
  }

  @Test
  void miniBatchStepsCallTheModelsOwnBatchGradient() {
    // 5 samples, 20 epochs: batches of 1 (no batch call), of 2, 2 and 1 (two calls an epoch), of 5
    int[] expectedBatchCalls = {0, 40, 20};
    for (int m = 0; m < MODES.size(); m++) {
      UnaryOperator<Trainer.Builder> mode = MODES.get(m);
      LinearModel plain = LinearModel.line(3);
      OwnBatchGradient batched = new OwnBatchGradient(LinearModel.line(3));
      Trainer trainer = mode.apply(Trainer.builder(new Sgd(0.05))).seed(7).stopWhen(StopRule.maxEpochs(20)).build();
      TrainingResult a = trainer.fit(plain, Line.data());
      TrainingResult b = trainer.fit(batched, Line.data());
      assertEquals(plain.parameters().get(0), batched.parameters().get(0), 0.0);
      assertArrayEquals(a.history().trainingLosses(), b.history().trainingLosses(), 0.0);
      assertEquals(expectedBatchCalls[m], batched.batchCalls);
    }
  }

  @Test
  void theModesTakeOneStepPerSampleBatchOrEpoch() {
    long[] expected = {20, 12, 4}; // 5 samples, 4 epochs: batches of 1, of 2 (2 + 2 + 1), of 5
    for (int m = 0; m < MODES.size(); m++) {
      Trainer trainer =
          MODES.get(m).apply(Trainer.builder(new Sgd(0.001))).stopWhen(StopRule.maxEpochs(4)).build();
      assertEquals(expected[m], trainer.fit(LinearModel.line(3), Line.data()).iterations());
    }
  }

  @Test
  void aFullBatchStepIsTheMeanGradientTimesTheRate() {
    // mean over the 5 samples of d(t − Wx)²/dW at W = 3 is 60 / 5 = 12; W = 3 − 0.05·12 = 2.4.
    LinearModel model = LinearModel.line(3);
    TrainingSession session =
        Trainer.builder(new Sgd(0.05)).fullBatch().stopWhen(StopRule.maxEpochs(1)).build().start(model, Line.data());
    assertEquals(6.0, session.step(), 1e-15, "mean loss 30 / 5 before the step");
    assertEquals(2.4, model.parameters().get(0), 1e-15);
  }

  private static DataSet noisy() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[20][];
    double[][] t = new double[20][];
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      t[i] = new double[] {random.nextDouble(-1, 1)};
    }
    return DataSet.of(x, t);
  }

  private static double[] trainNoisy(long seed) {
    LinearModel model = new LinearModel(2, true, 0, 0, 0);
    Trainer.builder(new Sgd(0.05)).miniBatch(3).seed(seed).stopWhen(StopRule.maxEpochs(3)).build()
        .fit(model, noisy());
    return model.parameters().toArray();
  }

  @Test
  void shufflingIsSeeded() {
    assertArrayEquals(trainNoisy(11), trainNoisy(11), 0.0);
    assertFalse(java.util.Arrays.equals(trainNoisy(11), trainNoisy(12)), "another seed, another order");
  }

  @Test
  void theListenerHearsEveryEpochAndTheEnd() {
    List<EpochReport> reports = new ArrayList<>();
    List<TrainingResult> stops = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochReport report) {
            reports.add(report);
          }

          @Override
          public void onStop(TrainingResult result) {
            stops.add(result);
          }
        };
    TrainingResult result =
        Trainer.builder(new Sgd(0.01)).fullBatch().listener(listener).stopWhen(StopRule.maxEpochs(5)).build()
            .fit(LinearModel.line(3), Line.data(), Line.scaled(1.5));
    assertEquals(5, reports.size());
    assertEquals(List.of(result), stops);
    for (int e = 0; e < 5; e++) {
      assertEquals(e + 1, reports.get(e).epoch(), "epochs are numbered from 1");
      assertEquals(result.history().trainingLoss(e), reports.get(e).trainingLoss(), 0.0);
      assertEquals(result.history().validationLoss(e), reports.get(e).validationLoss(), 0.0);
      assertTrue(reports.get(e).hasValidation());
    }
    // After epoch 0 (one step from W = 3): W = 3 − 0.01·12 = 2.88; training loss 6·0.88², validation 6·1.38².
    assertEquals(6 * 0.88 * 0.88, reports.get(0).trainingLoss(), 1e-12);
    assertEquals(6 * 1.38 * 1.38, reports.get(0).validationLoss(), 1e-12);
  }

  @Test
  void dataThatDoesNotFitTheModelIsRejectedByName() {
    Trainer trainer = Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.maxEpochs(1)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> trainer.fit(new LinearModel(3, true, 0, 0, 0, 0), Line.data()));
    assertEquals("the training data has 1 features, the model expects 3", e.getMessage());
  }

  @Test
  void aTrainerNeedsABoundAndEarlyStoppingNeedsValidation() {
    IllegalStateException unbounded =
        assertThrows(IllegalStateException.class, () -> Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.targetLoss(0)).build());
    assertTrue(unbounded.getMessage().contains("maxEpochs"), unbounded.getMessage());
    Trainer early =
        Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.maxEpochs(5), StopRule.earlyStopping(2, 0)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> early.fit(LinearModel.line(3), Line.data()));
    assertTrue(e.getMessage().contains("validation"), e.getMessage());
  }

  @Test
  void stepsAfterTheEndAreRefused() {
    TrainingSession session =
        Trainer.builder(new Sgd(0.1)).stopWhen(StopRule.maxEpochs(1)).build().start(LinearModel.line(3), Line.data());
    TrainingResult result = session.run();
    assertEquals(result, session.run(), "run again: the same result");
    assertThrows(IllegalStateException.class, session::step);
  }
}
