package io.gradgen.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an ONNX model in ONNX Runtime (its Java API): the oracle nobody here wrote. */
final class OnnxRuntimeOracle implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final long[] inputShape;

  /** A session of {@code model}, whose input has {@code inputShape} without the batch dimension. */
  OnnxRuntimeOracle(byte[] model, long... inputShape) throws OrtException {
    this.session = env.createSession(model, new OrtSession.SessionOptions());
    this.inputShape = inputShape;
  }

  /** The model's output for one sample, flattened: float32 inputs, as ONNX Runtime computes. */
  double[] run(double[] x) throws OrtException {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    long[] shape = new long[inputShape.length + 1];
    shape[0] = 1;
    System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
    String input = session.getInputNames().iterator().next();
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(f), shape);
        OrtSession.Result r = session.run(Map.of(input, t))) {
      float[][] out = (float[][]) r.get(0).getValue();
      double[] y = new double[out[0].length];
      for (int i = 0; i < y.length; i++) {
        y[i] = out[0][i];
      }
      return y;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
