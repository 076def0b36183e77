package deep;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Dense;
import io.gradgen.Loss;
import io.gradgen.Network;

/** A deeper classifier: tanh, then relu without bias, then softmax with cross-entropy. */
@Network(
    inputs = 3,
    layers = {
      @Dense(name = "features", units = 3, activation = Activation.TANH),
      @Dense(name = "mix", units = 2, activation = Activation.RELU, bias = Bias.NONE),
      @Dense(name = "classes", units = 3, activation = Activation.SOFTMAX)
    },
    loss = Loss.CATEGORICAL_CROSS_ENTROPY)
public interface DeepNet {}
