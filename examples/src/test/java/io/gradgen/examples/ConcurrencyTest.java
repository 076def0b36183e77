package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.train.Initializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One generated model instance shared by 8 threads gives bit for bit the single-threaded results:
 * {@code predict}, {@code loss} and {@code gradient} only read the parameters and write the
 * caller's arrays.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PREDICTIONS = 100_000;
  private static final int SAMPLES = 1000;

  private final IrisNetModel model = new IrisNetModel();
  private final double[][] inputs = new double[SAMPLES][IrisNetModel.INPUTS];
  private final double[][] targets = new double[SAMPLES][IrisNetModel.OUTPUTS];

  ConcurrencyTest() {
    Initializer.xavier().initialize(model, 42);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < SAMPLES; i++) {
      for (int j = 0; j < IrisNetModel.INPUTS; j++) {
        inputs[i][j] = random.nextDouble(-3, 3);
      }
      targets[i][random.nextInt(IrisNetModel.OUTPUTS)] = 1;
    }
  }

  /** Runs {@code task(thread)} on 8 threads released at once and returns their results. */
  private static <T> List<T> onEightThreads(java.util.function.IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<T> call = task.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eightThreadsTimesOneHundredThousandPredictionsMatchSingleThreadedBitForBit() throws Exception {
    double[][] expected = new double[SAMPLES][IrisNetModel.OUTPUTS];
    for (int i = 0; i < SAMPLES; i++) {
      model.predict(inputs[i], expected[i]);
    }
    double[] before = model.parameters().toArray();
    List<Integer> mismatches =
        onEightThreads(thread -> () -> {
          double[] y = new double[IrisNetModel.OUTPUTS];
          int wrong = 0;
          for (int n = 0; n < PREDICTIONS; n++) {
            int i = (n * 7 + thread * 131) % SAMPLES;
            model.predict(inputs[i], y);
            for (int k = 0; k < y.length; k++) {
              wrong += Double.doubleToRawLongBits(y[k]) == Double.doubleToRawLongBits(expected[i][k]) ? 0 : 1;
            }
          }
          return wrong;
        });
    assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), mismatches);
    assertArrayEquals(before, model.parameters().toArray(), 0.0, "prediction never writes the parameters");
  }

  @Test
  void lossAndGradientAreAlsoSafeToShare() throws Exception {
    double[] expectedLoss = new double[SAMPLES];
    double[][] expectedGradient = new double[SAMPLES][IrisNetModel.PARAMETERS];
    for (int i = 0; i < SAMPLES; i++) {
      expectedLoss[i] = model.gradient(inputs[i], targets[i], expectedGradient[i]);
    }
    List<Integer> mismatches =
        onEightThreads(thread -> () -> {
          double[] grad = new double[IrisNetModel.PARAMETERS];
          int wrong = 0;
          for (int n = 0; n < 10_000; n++) {
            int i = (n * 13 + thread * 97) % SAMPLES;
            java.util.Arrays.fill(grad, 0);
            double loss = model.gradient(inputs[i], targets[i], grad);
            wrong += Double.compare(loss, expectedLoss[i]) == 0 ? 0 : 1;
            wrong += Double.compare(model.loss(inputs[i], targets[i]), expectedLoss[i]) == 0 ? 0 : 1;
            wrong += java.util.Arrays.equals(grad, expectedGradient[i]) ? 0 : 1;
          }
          return wrong;
        });
    assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), mismatches);
  }
}
