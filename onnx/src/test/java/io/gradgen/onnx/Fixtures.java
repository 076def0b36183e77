package io.gradgen.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The ONNX files and reference numbers that make_fixtures.py wrote with PyTorch. */
final class Fixtures {
  /** The fixtures that import, each exported at opsets 11 and 17. */
  static final List<String> IMPORTABLE = List.of(
      "relu-mlp", "tanh-sigmoid-mlp", "softmax-classifier", "elu-logsoftmax", "reshape-sigmoid", "matmul-add");

  static final List<Integer> OPSETS = List.of(11, 17);

  private Fixtures() {}

  /** One sample: the flattened input and PyTorch's output. */
  record Sample(double[] x, double[] y) {}

  static Path onnx(String name, int opset) {
    return path(name + "-opset" + opset + ".onnx");
  }

  static Path path(String file) {
    try {
      return Path.of(Fixtures.class.getResource("fixtures/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("no fixture " + file + "; run onnx/src/test/python/make_fixtures.py", e);
    }
  }

  static List<Sample> reference(String name) {
    try {
      List<Sample> samples = new ArrayList<>();
      double[] x = null;
      for (String line : Files.readAllLines(path(name + ".ref"))) {
        if (line.startsWith("x ")) {
          x = numbers(line);
        } else if (line.startsWith("y ")) {
          samples.add(new Sample(x, numbers(line)));
        }
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] numbers(String line) {
    return Arrays.stream(line.substring(2).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
  }
}
