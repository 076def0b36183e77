package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.DenseLayout;
import io.gradgen.FloatModel;
import io.gradgen.Model;
import io.gradgen.NetworkLayout;
import io.gradgen.data.MinMaxNormalizer;
import io.gradgen.data.Preprocessor;
import io.gradgen.data.Standardizer;
import io.gradgen.io.WeightFile;
import io.gradgen.onnx.OnnxModel.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code onnx export}: writes a gradgen model, its parameters and its fitted preprocessing as an
 * ONNX model that any ONNX runtime runs: each dense layer a Gemm (weights {@code [units, inputs]},
 * transB = 1) and its activation, standardization and min-max scaling as Sub and Div before the
 * first layer, target scaling as Mul and Add after the last. What ONNX cannot state exactly is
 * refused with a message naming it.
 */
public final class OnnxExport {
  private OnnxExport() {}

  /**
   * How to export.
   *
   * @param opset the default operator set to write, {@value DenseImporter#MIN_OPSET} to {@value
   *     DenseImporter#MAX_OPSET}
   * @param slopes the slope of each LEAKY_RELU layer, by layer name: a compiled model does not
   *     record it (it is an attribute of the declaration)
   */
  public record Options(long opset, Map<String, Double> slopes) {
    /**
     * Checks the options.
     *
     * @param opset the default operator set to write
     * @param slopes the slopes of the LEAKY_RELU layers, by layer name
     */
    public Options {
      if (opset < DenseImporter.MIN_OPSET || opset > DenseImporter.MAX_OPSET) {
        throw new IllegalArgumentException("opset " + opset + " is outside " + DenseImporter.MIN_OPSET + ".."
            + DenseImporter.MAX_OPSET);
      }
      slopes = Map.copyOf(slopes);
    }

    /**
     * Opset 13 and no slopes.
     *
     * @return the default options
     */
    public static Options defaults() {
      return new Options(13, Map.of());
    }
  }

  /**
   * Writes {@code model} with its input preprocessing to {@code file}.
   *
   * @param model a generated (or any) double model
   * @param preprocessing the fitted preprocessing of its inputs, in order
   * @param file the .onnx file to write (atomically)
   * @param options the opset and leaky ReLU slopes
   * @throws IOException if the file cannot be written
   * @throws UnsupportedOnnxException for what ONNX cannot state exactly
   */
  public static void write(Model model, List<? extends Preprocessor> preprocessing, Path file, Options options)
      throws IOException {
    WeightFile.writeAtomically(file, OnnxWriter.write(
        toOnnx(model.layout(), model.parameters().toArray(), preprocessing, List.of(), options)));
  }

  /**
   * Writes a float {@code model} to {@code file}.
   *
   * @param model a generated float model
   * @param preprocessing the fitted preprocessing of its inputs, in order
   * @param file the .onnx file to write (atomically)
   * @param options the opset and leaky ReLU slopes
   * @throws IOException if the file cannot be written
   */
  public static void write(FloatModel model, List<? extends Preprocessor> preprocessing, Path file, Options options)
      throws IOException {
    float[] f = model.parameters().toArray();
    double[] p = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      p[i] = f[i];
    }
    WeightFile.writeAtomically(file, OnnxWriter.write(toOnnx(model.layout(), p, preprocessing, List.of(), options)));
  }

  /**
   * The ONNX model of a network with {@code layout} and {@code parameters}.
   *
   * @param layout the architecture and parameter layout
   * @param parameters the parameters in layout order
   * @param preprocessing the input preprocessing, applied in order before the first layer
   * @param targetPreprocessing the target scaling, undone in reverse after the last layer
   * @param options the opset and leaky ReLU slopes
   * @return the model
   * @throws UnsupportedOnnxException for a custom activation, a leaky ReLU without its slope, or a
   *     preprocessor other than standardization and min-max scaling
   * @throws IllegalArgumentException if a slope is given for a layer that is not LEAKY_RELU
   */
  public static OnnxModel toOnnx(
      NetworkLayout layout, double[] parameters, List<? extends Preprocessor> preprocessing,
      List<? extends Preprocessor> targetPreprocessing, Options options) {
    Objects.requireNonNull(options, "options");
    if (parameters.length != layout.parameterCount()) {
      throw new IllegalArgumentException(parameters.length + " parameters for a layout of " + layout.parameterCount());
    }
    ActivationOps.checkSlopes(layout, options.slopes());
    GraphBuilder g = new GraphBuilder(options.opset());
    String x = g.input("input", layout.inputs());
    int n = 0;
    for (Preprocessor p : preprocessing) {
      x = scale(g, "preprocess" + n++, p, x, false);
    }
    for (int l = 0; l < layout.layers().size(); l++) {
      DenseLayout d = layout.layers().get(l);
      if (d.activation() == Activation.CUSTOM) {
        String function = layout.function(l).isEmpty() ? "" : " (" + layout.function(l) + ")";
        throw new UnsupportedOnnxException("layer '" + d.name() + "' has a CUSTOM activation" + function
            + ", a Java method ONNX cannot state; export supports every built-in activation");
      }
      x = dense(g, d, parameters, x);
      x = ActivationOps.apply(g, d, x, options.slopes());
    }
    for (int i = targetPreprocessing.size() - 1; i >= 0; i--) {
      x = scale(g, "target" + i, targetPreprocessing.get(i), x, true);
    }
    g.output(x, layout.outputs());
    return g.build();
  }

  private static String dense(GraphBuilder g, DenseLayout d, double[] p, String x) {
    double[] w = new double[d.units() * d.inputs()];
    System.arraycopy(p, d.firstWeight(), w, 0, w.length); // w[unit][input] is Gemm's B with transB = 1
    String weight = g.constant(Tensor.ofFloats(d.name() + ".weight", w, d.units(), d.inputs()));
    List<String> inputs = d.biasCount() == 0 ? List.of(x, weight) : List.of(x, weight, g.constant(Tensor.ofFloats(
        d.name() + ".bias", java.util.Arrays.copyOfRange(p, d.firstBias(), d.end()), d.biasCount())));
    return g.node("Gemm", d.name() + "/Gemm", inputs, Map.of("transB", OnnxModel.Attribute.ofInt("transB", 1)));
  }

  /** Standardization and min-max scaling are (x − offset) / scale; their inverses x·scale + offset. */
  private static String scale(GraphBuilder g, String name, Preprocessor p, String x, boolean inverse) {
    double[][] state = p.state();
    double[] offset = state[0];
    double[] scale = new double[offset.length];
    if (p.kind().equals(Standardizer.KIND)) {
      scale = state[1].clone();
    } else if (p.kind().equals(MinMaxNormalizer.KIND)) {
      for (int j = 0; j < scale.length; j++) {
        double r = state[1][j] - offset[j];
        scale[j] = r > 0 ? r : 1; // MinMaxNormalizer's rule for a constant feature
      }
    } else {
      throw new UnsupportedOnnxException("preprocessor '" + p.kind() + "' has no ONNX export; gradgen exports '"
          + Standardizer.KIND + "' and '" + MinMaxNormalizer.KIND + "' (as Sub and Div)");
    }
    String o = g.constant(Tensor.ofFloats(name + ".offset", offset, offset.length));
    String s = g.constant(Tensor.ofFloats(name + ".scale", scale, scale.length));
    if (inverse) {
      return g.node("Add", name + "/Add", List.of(g.node("Mul", name + "/Mul", List.of(x, s), Map.of()), o), Map.of());
    }
    return g.node("Div", name + "/Div", List.of(g.node("Sub", name + "/Sub", List.of(x, o), Map.of()), s), Map.of());
  }

  /**
   * Exports the network a weight file was saved for, read from the file's architecture
   * fingerprint, with the file's parameters, preprocessing and target scaling.
   *
   * @param weights the weight file
   * @param file the .onnx file to write
   * @param options the opset and leaky ReLU slopes
   * @throws IOException if a file cannot be read or written
   */
  public static void write(Path weights, Path file, Options options) throws IOException {
    WeightFile.Contents contents = WeightFile.read(weights);
    NetworkLayout layout = Fingerprints.layout(contents.fingerprint());
    WeightFile.writeAtomically(file, OnnxWriter.write(toOnnx(layout, contents.parameters(), contents.preprocessing(),
        contents.targetPreprocessing(), options)));
  }

  /**
   * Exports the model class {@code modelClass} with the parameters and preprocessing of {@code
   * weights}: what {@code onnx export} runs.
   *
   * @param modelClass a generated model class with a no-argument constructor
   * @param weights the weight file
   * @param file the .onnx file to write
   * @param options the opset and leaky ReLU slopes
   * @throws IOException if a file cannot be read or written
   * @throws ReflectiveOperationException if the class cannot be instantiated
   */
  public static void write(Class<?> modelClass, Path weights, Path file, Options options)
      throws IOException, ReflectiveOperationException {
    Object instance = modelClass.getConstructor().newInstance();
    NetworkLayout layout;
    if (instance instanceof Model m) {
      layout = m.layout();
    } else if (instance instanceof FloatModel f) {
      layout = f.layout();
    } else {
      throw new IllegalArgumentException(modelClass.getName() + " is not a gradgen model (io.gradgen.Model or FloatModel)");
    }
    WeightFile.Contents contents = WeightFile.read(weights);
    if (!contents.fingerprint().equals(layout.fingerprint())) {
      throw new IllegalArgumentException(weights + " was saved for '" + contents.fingerprint() + "', but "
          + modelClass.getSimpleName() + " is '" + layout.fingerprint() + "'");
    }
    WeightFile.writeAtomically(file, OnnxWriter.write(toOnnx(layout, contents.parameters(), contents.preprocessing(),
        contents.targetPreprocessing(), options)));
  }
}
