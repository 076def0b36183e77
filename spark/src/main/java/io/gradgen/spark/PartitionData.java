package io.gradgen.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * One partition's training and validation rows, packed row after row into flat arrays: the form the
 * model's batch {@code gradient} reads, so a gradient pass makes no object per row. Built once per
 * fit and cached; the training rows are shuffled once (seeded), so that a mini-batch, a contiguous
 * chunk of them, is a random sample.
 */
final class PartitionData implements Serializable {
  private static final long serialVersionUID = 1L;

  final int inputs;
  final int outputs;
  final Rows train;
  final Rows validation;

  private PartitionData(int inputs, int outputs, Rows train, Rows validation) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.train = train;
    this.validation = validation;
  }

  /**
   * Packs a partition of rows whose fields are the features, the label and, when {@code
   * withValidation}, the validation indicator (true: a validation row).
   */
  static Iterator<PartitionData> pack(
      Iterator<Row> rows, Columns columns, boolean withValidation, long seed, int partition) {
    Rows train = new Rows(columns.inputs(), columns.outputs());
    Rows validation = new Rows(columns.inputs(), columns.outputs());
    while (rows.hasNext()) {
      Row row = rows.next();
      if (withValidation && row.isNullAt(2)) {
        throw new IllegalArgumentException("column '" + columns.validationName() + "' (validationIndicatorCol) is null in a row");
      }
      Rows into = withValidation && row.getBoolean(2) ? validation : train;
      into.add(row, columns);
    }
    train.shuffle(new SplittableRandom(seed * 31 + partition));
    PartitionData data =
        new PartitionData(columns.inputs(), columns.outputs(), train.trimmed(), validation.trimmed());
    return List.of(data).iterator();
  }

  /** Rows of inputs and targets, side by side in two flat arrays. */
  static final class Rows implements Serializable {
    private static final long serialVersionUID = 1L;

    final int inputs;
    final int outputs;
    double[] xs;
    double[] ts;
    int count;

    Rows(int inputs, int outputs) {
      this.inputs = inputs;
      this.outputs = outputs;
      this.xs = new double[16 * inputs];
      this.ts = new double[16 * outputs];
    }

    void add(Row row, Columns columns) {
      if ((long) (count + 1) * Math.max(inputs, outputs) > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "a partition holds more than " + count + " rows of " + inputs + " features, more than one "
                + "Java array can: repartition the data into more partitions");
      }
      if ((count + 1) * inputs > xs.length || (count + 1) * outputs > ts.length) {
        int capacity = (int) Math.min((long) count * 2 + 16, (Integer.MAX_VALUE - 8) / Math.max(inputs, outputs));
        xs = Arrays.copyOf(xs, capacity * inputs);
        ts = Arrays.copyOf(ts, capacity * outputs);
      }
      columns.features(row, 0, xs, count * inputs);
      columns.target(row, 1, ts, count * outputs);
      count++;
    }

    /** Fisher–Yates over whole rows, in place. */
    void shuffle(SplittableRandom random) {
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        swap(xs, i, j, inputs);
        swap(ts, i, j, outputs);
      }
    }

    private static void swap(double[] a, int i, int j, int width) {
      for (int k = 0; k < width; k++) {
        double t = a[i * width + k];
        a[i * width + k] = a[j * width + k];
        a[j * width + k] = t;
      }
    }

    Rows trimmed() {
      xs = Arrays.copyOf(xs, count * inputs);
      ts = Arrays.copyOf(ts, count * outputs);
      return this;
    }

    /** The first row of chunk {@code chunk} when the rows are cut into {@code chunks} nearly equal chunks. */
    int chunkStart(int chunk, int chunks) {
      return (int) ((long) count * chunk / chunks);
    }
  }
}
