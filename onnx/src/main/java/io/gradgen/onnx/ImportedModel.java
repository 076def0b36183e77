package io.gradgen.onnx;

import io.gradgen.Model;
import io.gradgen.NetworkLayout;
import io.gradgen.Parameters;
import java.util.Objects;

/**
 * An imported network's parameters as a {@link Model} for {@link io.gradgen.io.WeightFile#save}: it
 * has the layout and the fingerprint of the model gradgen generates from the declaration, so the
 * weight file loads into that model, which is what runs the network.
 */
final class ImportedModel implements Model {
  private final NetworkLayout layout;
  private final double[] p;
  private final Parameters view;

  /**
   * A model of {@code network} declared with {@code layout}.
   *
   * @param network the imported network and its parameters
   * @param layout its layout (see {@link ImportedNetwork#layout})
   */
  ImportedModel(ImportedNetwork network, NetworkLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.p = network.parameters().clone();
    if (p.length != layout.parameterCount()) {
      throw new IllegalArgumentException(p.length + " parameters for a layout of " + layout.parameterCount());
    }
    this.view = Parameters.flat(layout, p);
  }

  @Override
  public int inputCount() {
    return layout.inputs();
  }

  @Override
  public int outputCount() {
    return layout.outputs();
  }

  @Override
  public int parameterCount() {
    return p.length;
  }

  @Override
  public Parameters parameters() {
    return view;
  }

  @Override
  public NetworkLayout layout() {
    return layout;
  }

  /**
   * Not run here: an imported network runs as the class gradgen generates from its declaration.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void predict(double[] x, double[] y) {
    throw new UnsupportedOperationException(
        "an imported network runs as its generated class: compile the declaration and load the weight file");
  }
}
