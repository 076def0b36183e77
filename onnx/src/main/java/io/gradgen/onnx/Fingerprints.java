package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture a weight file was saved for, read back from its {@link
 * NetworkLayout#fingerprint()} ({@code inputs=2;hidden:2,SIGMOID,SHARED;…;loss=…}), so that a
 * weight file alone can be exported without the model class.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** The layout whose fingerprint is {@code fingerprint}. */
  static NetworkLayout layout(String fingerprint) {
    if (fingerprint.startsWith("sha-256:")) {
      throw new IllegalArgumentException("the weight file stores its architecture as a hash (its fingerprint is too"
          + " long to store whole); export it with the model class (--model)");
    }
    String[] parts = fingerprint.split(";");
    try {
      int inputs = Integer.parseInt(parts[0].substring("inputs=".length()));
      List<NetworkLayout.Layer> layers = new ArrayList<>();
      for (int i = 1; i < parts.length - 1; i++) {
        String[] nameRest = parts[i].split(":", 2);
        String[] fields = nameRest[1].split(",");
        if (fields[1].startsWith("CUSTOM")) {
          throw new UnsupportedOnnxException("layer '" + nameRest[0] + "' has a CUSTOM activation " + fields[1]
              + ", a Java method ONNX cannot state; export supports every built-in activation");
        }
        layers.add(new NetworkLayout.Layer(nameRest[0], Integer.parseInt(fields[0]), Activation.valueOf(fields[1]),
            Bias.valueOf(fields[2])));
      }
      String loss = parts[parts.length - 1].substring("loss=".length()).replaceFirst("\\(.*\\)$", "");
      NetworkLayout layout = NetworkLayout.of(inputs, Loss.valueOf(loss), layers);
      if (!loss.equals("CUSTOM") && !layout.fingerprint().equals(fingerprint)) {
        throw new IllegalArgumentException("unexpected fingerprint");
      }
      return layout;
    } catch (RuntimeException e) {
      if (e instanceof UnsupportedOnnxException u) {
        throw u;
      }
      throw new IllegalArgumentException("the weight file's architecture '" + fingerprint + "' is not one this"
          + " version reads; export it with the model class (--model)", e);
    }
  }
}
