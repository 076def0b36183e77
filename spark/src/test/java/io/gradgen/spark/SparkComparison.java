package io.gradgen.spark;

import static org.apache.spark.sql.functions.col;

import io.gradgen.DifferentiableModel;
import io.gradgen.data.Split;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The comparison of README's "Training on Apache Spark": on Digits, gradgen on Spark against MLlib's
 * MultilayerPerceptronClassifier (accuracy and time per epoch, same data, same run), and gradgen's
 * throughput from local[1] to local[2] on synthetic rows generated on the fly. Prints Markdown
 * tables. Run: {@code mvn -B -pl spark -am package -DskipTests -Pspark-compare} (args: {@code
 * -Dcompare.args="REPEATS EPOCHS ROWS"}, default 5 100 1000000).
 */
public final class SparkComparison {
  private SparkComparison() {}

  /**
   * Runs both comparisons.
   *
   * @param args repeats, Digits epochs, synthetic rows (all optional)
   */
  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long rows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
    System.out.printf(Locale.ROOT, "JVM %s, %d cores; %d repeats%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), repeats);
    digits(repeats, epochs);
    scaling(repeats, rows);
  }

  private static SparkSession start(String master) {
    SparkSession active = SparkSession.getActiveSession().isDefined() ? SparkSession.active() : null;
    if (active != null) {
      active.stop();
    }
    SparkSession spark = SparkSession.builder().appName("gradgen-spark-compare").master(master)
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** One contender: fits on the training rows, says how many epochs (iterations) it ran. */
  private interface Contender {
    Fitted fit(Dataset<Row> train, int epochs, long seed);
  }

  private record Fitted(org.apache.spark.ml.Transformer model, int epochs) {}

  private static void digits(int repeats, int epochs) {
    SparkSession spark = start("local[2]");
    Split split = Frames.digits();
    Dataset<Row> train = Frames.classes(spark, split.train()).repartition(2).cache();
    Dataset<Row> test = Frames.classes(spark, split.test()).cache();
    System.out.printf(Locale.ROOT, "%nDigits: %d training rows, %d test rows, local[2], 2 partitions, %d epochs or "
        + "iterations (the mini-batch row: the epochs it states)%n%n", train.count(), test.count(), epochs);
    System.out.println("| trainer | network | optimizer | test accuracy | ms per epoch |");
    System.out.println("|---|---|---|---|---|");
    row("MLlib MultilayerPerceptronClassifier", "64-32-10 sigmoid/softmax", "L-BFGS (MLlib's default)",
        mllib("l-bfgs"), train, test, epochs, repeats);
    row("MLlib MultilayerPerceptronClassifier", "64-32-10 sigmoid/softmax", "gradient descent, step 0.03 (MLlib's default)",
        mllib("gd"), train, test, epochs, repeats);
    row("gradgen SparkNetwork", "64-32-10 sigmoid/softmax", "Adam 0.01, full batch",
        gradgen(DigitsSigmoidNetModel.class, 1.0), train, test, epochs, repeats);
    row("gradgen SparkNetwork", "64-32-10 relu/softmax (MLlib: no relu)", "Adam 0.01, full batch",
        gradgen(DigitsNetModel.class, 1.0), train, test, epochs, repeats);
    // A tenth of the epochs, so that it takes as many steps (10 per epoch) as the full-batch rows.
    int miniBatchEpochs = Math.max(1, epochs / 10);
    row("gradgen SparkNetwork", "64-32-10 relu/softmax (MLlib: no relu)",
        "Adam 0.01, mini-batch 1/10, " + miniBatchEpochs + (miniBatchEpochs == 1 ? " epoch (" : " epochs (")
            + 10 * miniBatchEpochs + " steps)",
        gradgen(DigitsNetModel.class, 0.1), train, test, miniBatchEpochs, repeats);
  }

  private static Contender mllib(String solver) {
    return (train, epochs, seed) -> {
      MultilayerPerceptronClassificationModel m = new MultilayerPerceptronClassifier()
          .setLayers(new int[] {64, 32, 10}).setSolver(solver).setMaxIter(epochs).setTol(1e-12).setSeed(seed)
          .fit(train);
      return new Fitted(m, m.summary().totalIterations());
    };
  }

  private static Contender gradgen(Class<? extends DifferentiableModel> net, double fraction) {
    return (train, epochs, seed) -> {
      SparkNetworkModel m = new SparkNetwork(net).setOptimizer("adam").setStepSize(0.01)
          .setMiniBatchFraction(fraction).setMaxIter(epochs).setSeed(seed).fit(train);
      return new Fitted(m, m.trainingResult().orElseThrow().epochs());
    };
  }

  private static void row(String trainer, String network, String optimizer, Contender contender,
      Dataset<Row> train, Dataset<Row> test, int epochs, int repeats) {
    contender.fit(train, Math.max(2, epochs / 10), 99); // warm-up: JIT and Spark's caches
    double[] accuracy = new double[repeats];
    double[] msPerEpoch = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      Fitted fitted = contender.fit(train, epochs, r + 1);
      msPerEpoch[r] = (System.nanoTime() - start) / 1e6 / fitted.epochs();
      Dataset<Row> predicted = fitted.model().transform(test);
      accuracy[r] = 100.0 * predicted.filter(col("prediction").equalTo(col("label"))).count() / test.count();
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %s | %s %% | %s |%n", trainer, network, optimizer,
        new Measurements(accuracy).format(1), new Measurements(msPerEpoch).format(1));
  }

  /** gradgen's training throughput on the same synthetic rows with one and with two worker threads. */
  private static void scaling(int repeats, long rows) {
    int epochs = 10;
    System.out.printf(Locale.ROOT, "%nSynthetic: %,d rows of 20 features, 4 classes, generated on the fly; "
        + "SyntheticNet 20-32-4 tanh/softmax, full-batch Adam, %d epochs per fit, 4 partitions%n%n", rows, epochs);
    System.out.println("| master | training: rows per second | training: s per epoch | whole fit (packing included), s | speed-up of training |");
    System.out.println("|---|---|---|---|---|");
    Measurements one = null;
    for (String master : new String[] {"local[1]", "local[2]"}) {
      SparkSession spark = start(master);
      Dataset<Row> data = synthetic(spark, rows, 4).cache();
      data.count(); // generated once, so the fits time packing and training only
      new SparkNetwork(SyntheticNetModel.class).setMaxIter(2).fit(data); // warm-up
      double[] rate = new double[repeats];
      double[] seconds = new double[repeats];
      double[] fit = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        long start = System.nanoTime();
        SparkNetworkModel m = new SparkNetwork(SyntheticNetModel.class).setOptimizer("adam").setMaxIter(epochs)
            .setSeed(r).fit(data);
        fit[r] = (System.nanoTime() - start) / 1e9;
        // The training loop alone: its epochs and the last epoch's evaluation pass.
        seconds[r] = m.trainingResult().orElseThrow().nanos() / 1e9 / epochs;
        rate[r] = rows / seconds[r];
      }
      Measurements m = new Measurements(rate);
      System.out.printf(Locale.ROOT, "| %s | %,.0f ± %,.0f | %s | %s | %s |%n", master, m.mean(), m.sd(),
          new Measurements(seconds).format(3), new Measurements(fit).format(2),
          one == null ? "1" : Measurements.ratio(m, one));
      one = one == null ? m : one;
      data.unpersist();
    }
    SparkSession.active().stop();
  }

  /** {@code rows} rows: features uniform in [−1, 1], the class the argmax of a fixed random linear map. */
  static Dataset<Row> synthetic(SparkSession spark, long rows, int partitions) {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
    MapPartitionsFunction<Row, Row> generate = (Iterator<Row> ids) -> {
      double[][] teacher = new double[4][20];
      SplittableRandom fixed = new SplittableRandom(2025);
      for (double[] w : teacher) {
        for (int j = 0; j < w.length; j++) {
          w[j] = fixed.nextDouble(-1, 1);
        }
      }
      List<Row> out = new ArrayList<>();
      while (ids.hasNext()) {
        long id = ids.next().getLong(0);
        SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        double[] x = new double[20];
        for (int j = 0; j < x.length; j++) {
          x[j] = random.nextDouble(-1, 1);
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 4; c++) {
          double s = 0;
          for (int j = 0; j < 20; j++) {
            s += teacher[c][j] * x[j];
          }
          if (s > bestScore) {
            bestScore = s;
            best = c;
          }
        }
        out.add(RowFactory.create(Vectors.dense(x), (double) best));
      }
      return out.iterator();
    };
    return spark.range(0, rows, 1, partitions).toDF().mapPartitions(generate, Encoders.row(schema));
  }
}
