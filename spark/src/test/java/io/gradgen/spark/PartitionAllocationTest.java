package io.gradgen.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.data.DataSet;
import io.gradgen.data.OneHot;
import io.gradgen.train.Initializer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A partition's gradient pass allocates per partition (its one model, two scratch rows), never per
 * row: the bytes it allocates do not grow with the partition's rows.
 */
class PartitionAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final DataSet train = Frames.digits().train();

  private PartitionData partition(int rows) {
    DigitsNetModel model = new DigitsNetModel();
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    Columns columns = Columns.forTraining(schema, "features", "label", null, model);
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      int r = i % train.size();
      list.add(RowFactory.create(Vectors.dense(train.features(r)), (double) OneHot.argmax(train.targets(r))));
    }
    return PartitionData.pack(list.iterator(), columns, false, 1, 0).next();
  }

  /** Bytes this thread allocates in one pass over {@code data}, after warming the pass up. */
  private static long allocated(GradientPass pass, PartitionData data, int parameters) {
    for (int i = 0; i < 20; i++) {
      pass.call(new GradientPass.Sums(parameters), data);
    }
    GradientPass.Sums sums = new GradientPass.Sums(parameters);
    long before = THREADS.getCurrentThreadAllocatedBytes();
    pass.call(sums, data);
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void aPassAllocatesTheSameForAHundredRowsAsForTenThousand() {
    DigitsNetModel model = new DigitsNetModel();
    Initializer.xavier().initialize(model, 1);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
    Broadcast<double[]> parameters = context.broadcast(model.parameters().toArray());
    int p = model.parameterCount();
    PartitionData small = partition(100);
    PartitionData large = partition(10_000);
    for (boolean evaluate : new boolean[] {false, true}) {
      // Three chunks: a mini-batch step, with the evaluation of all rows when asked for.
      GradientPass pass = new GradientPass(DigitsNetModel.class.getName(), parameters, new int[] {1}, 3, evaluate, Double.NaN);
      long few = allocated(pass, small, p);
      long many = allocated(pass, large, p);
      // 9,900 more rows: one byte per row would be 9,900 bytes more.
      assertTrue(many - few < 1024, "evaluate " + evaluate + ": " + few + " bytes for 100 rows, " + many + " for 10,000");
    }
    parameters.destroy();
  }
}
