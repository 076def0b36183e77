package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradgen.Precision;
import io.gradgen.io.WeightFile;
import io.gradgen.onnx.golden.BlobNetModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An imported model is a generated model like any other: predict and a training step allocate nothing. */
class ImportedAllocationTest {
  @Test
  void importedPredictAndTrainStepAllocateNothing(@TempDir Path dir) throws Exception {
    Path weights = dir.resolve("BlobNet.ggw");
    OnnxImport.run(Fixtures.onnx("blobs", 17), "io.gradgen.onnx.golden", "BlobNet", dir, weights, null,
        Precision.DOUBLE);
    BlobNetModel model = new BlobNetModel();
    WeightFile.load(weights, model);
    double[] x = {0.5, -1.0};
    double[] y = new double[3];
    double[] t = {0, 1, 0};
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (int warm = 0; warm < 20_000; warm++) {
      model.predict(x, y);
      model.trainStep(x, t, 1e-9);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1000; i++) {
      model.predict(x, y);
      model.trainStep(x, t, 1e-9);
    }
    long after = threads.getThreadAllocatedBytes(thread);
    assertEquals(0, after - before, "bytes allocated by 1000 predict + trainStep calls");
  }
}
