package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.testing.LinearModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Periodic checkpoints, and resuming from one gives exactly the uninterrupted run's result. */
class CheckpointTest {
  @TempDir Path dir;

  private static DataSet data(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[][] t = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      t[i] = new double[] {1.5 * x[i][0] - 2 * x[i][1] + 0.5 + 0.3 * r.nextGaussian()};
    }
    return DataSet.of(x, t);
  }

  private Trainer trainer(Supplier<Optimizer> optimizer, Path file) {
    return Trainer.builder(optimizer.get()).miniBatch(8).seed(9)
        .stopWhen(StopRule.earlyStopping(6, 0), StopRule.maxEpochs(60))
        .checkpointEvery(5, file).build();
  }

  private void resumesExactly(Supplier<Optimizer> optimizer) throws IOException {
    DataSet train = data(1, 50);
    DataSet validation = data(2, 20);
    LinearModel whole = new LinearModel(3, true, 0.1, 0.2, 0.3, 0.4);
    TrainingResult uninterrupted = trainer(optimizer, dir.resolve("a.ggck")).fit(whole, train, validation);

    Path file = dir.resolve("b.ggck");
    LinearModel first = new LinearModel(3, true, 0.1, 0.2, 0.3, 0.4);
    TrainingSession interrupted = trainer(optimizer, file).start(first, train, validation);
    for (int e = 0; e < 12; e++) {
      interrupted.epoch(); // "killed" after epoch 12: the last checkpoint is epoch 10's
    }
    LinearModel second = new LinearModel(3, true, 9, 9, 9, 9);
    TrainingResult resumed = trainer(optimizer, file).resume(second, train, validation, file).run();

    assertArrayEquals(whole.parameters().toArray(), second.parameters().toArray(), 0.0, "the same weights, bit for bit");
    assertEquals(uninterrupted.epochs(), resumed.epochs());
    assertEquals(uninterrupted.iterations(), resumed.iterations());
    assertEquals(uninterrupted.reason(), resumed.reason());
    assertEquals(uninterrupted.restoredEpoch(), resumed.restoredEpoch());
    assertArrayEquals(uninterrupted.history().validationLosses(), resumed.history().validationLosses(), 0.0);
  }

  @Test
  void resumingWithAdamGivesTheUninterruptedResult() throws IOException {
    resumesExactly(() -> new Adam(0.05));
  }

  @Test
  void resumingWithMomentumAndWithSgdGivesTheUninterruptedResult() throws IOException {
    resumesExactly(() -> new Momentum(0.01, 0.9));
    resumesExactly(() -> new Sgd(0.01));
  }

  @Test
  void aCheckpointIsWrittenEveryNEpochsAndChecksWhatItResumes() throws IOException {
    Path file = dir.resolve("c.ggck");
    DataSet train = data(1, 50);
    TrainingSession s =
        Trainer.builder(new Adam(0.01)).miniBatch(8).stopWhen(StopRule.maxEpochs(60)).checkpointEvery(3, file).build()
            .start(new LinearModel(3, true, 0, 0, 0, 0), train);
    s.epoch();
    s.epoch();
    assertTrue(!Files.exists(file), "no checkpoint before epoch 3");
    s.epoch();
    assertTrue(Files.exists(file));
    Trainer other = Trainer.builder(new Adam(0.01)).miniBatch(16).stopWhen(StopRule.maxEpochs(60)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> other.resume(new LinearModel(3, true, 0, 0, 0, 0), train, null, file));
    assertTrue(e.getMessage().contains("batch 8, seed 1; this session has"), e.getMessage());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    IOException corrupt = assertThrows(IOException.class, () -> other.resume(new LinearModel(3, true, 0, 0, 0, 0), train, null, file));
    assertTrue(corrupt.getMessage().contains("is corrupted"), corrupt.getMessage());
  }
}
