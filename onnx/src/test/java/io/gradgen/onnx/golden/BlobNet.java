package io.gradgen.onnx.golden;

import io.gradgen.Activation;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/**
 * Imported by gradgen-onnx from {@code blobs-opset17.onnx} (pytorch 1.13.0, opset 17):
 * 2 inputs, 2 dense layers. gradgen generates {@code BlobNetModel};
 * the trained parameters are in {@code BlobNet.ggw}:
 * {@code WeightFile.load(Path.of("BlobNet.ggw"), new BlobNetModel())}.
 *
 * <p>The loss is not in the ONNX file: it was chosen for the output layer and may be changed.
 */
@Network(
    inputs = 2,
    layers = {
      @Dense(name = "layer0", units = 16, activation = Activation.TANH), // ONNX: Gemm (transB), bias, Tanh
      @Dense(name = "layer2", units = 3, activation = Activation.SOFTMAX) // ONNX: Gemm (transB), bias, Softmax
    },
    loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public interface BlobNet {}
