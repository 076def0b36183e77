package io.gradgen.onnx;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.Loss;
import io.gradgen.Precision;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes the {@code @Network} declaration of an {@link ImportedNetwork} as Java source: an
 * interface a user checks in and reads, one {@code @Dense} per layer with the ONNX nodes it came
 * from as a comment. Only attributes that differ from their defaults are written.
 */
public final class DeclarationWriter {
  private DeclarationWriter() {}

  /**
   * The declaration's source.
   *
   * @param network the imported network
   * @param packageName the Java package, "" for the unnamed one
   * @param name the interface's simple name
   * @param loss the loss to declare
   * @param precision the model's precision
   * @param origin the ONNX file's name, for the Javadoc
   * @param weightFile the weight file's name, for the Javadoc
   * @return the Java source, ending with a line break
   */
  public static String write(
      ImportedNetwork network, String packageName, String name, Loss loss, Precision precision, String origin,
      String weightFile) {
    JavaNames.packageName(packageName);
    JavaNames.typeName(name);
    TreeSet<String> imports = new TreeSet<>(List.of("io.gradgen.Dense", "io.gradgen.Loss", "io.gradgen.Network"));
    StringBuilder layers = new StringBuilder();
    for (int i = 0; i < network.layers().size(); i++) {
      ImportedNetwork.Layer l = network.layers().get(i);
      StringBuilder d = new StringBuilder("@Dense(name = \"" + l.name() + "\", units = " + l.units());
      if (l.activation() != Activation.IDENTITY) {
        imports.add("io.gradgen.Activation");
        d.append(", activation = Activation.").append(l.activation());
      }
      if (l.activation() == Activation.LEAKY_RELU) {
        // a float literal: ONNX's alpha is a float, and gradgen widens it exactly
        d.append(", slope = ").append(Float.toString((float) l.slope())).append('f');
      }
      if (l.bias() != Bias.PER_NEURON) {
        imports.add("io.gradgen.Bias");
        d.append(", bias = Bias.").append(l.bias());
      }
      d.append(')');
      layers.append("      ").append(d).append(i < network.layers().size() - 1 ? "," : "")
          .append(" // ONNX: ").append(l.source()).append('\n');
    }
    if (precision == Precision.FLOAT) {
      imports.add("io.gradgen.Precision");
    }
    StringBuilder s = new StringBuilder();
    if (!packageName.isEmpty()) {
      s.append("package ").append(packageName).append(";\n\n");
    }
    for (String i : imports) {
      s.append("import ").append(i).append(";\n");
    }
    s.append("\n/**\n");
    s.append(" * Imported by gradgen-onnx from {@code ").append(origin).append("} (").append(network.producer().isEmpty()
        ? "unknown producer" : network.producer()).append(", opset ").append(network.opset()).append("):\n");
    s.append(" * ").append(network.inputs()).append(" inputs");
    if (network.inputShape().length > 1) {
      s.append(" (the ONNX input's ").append(shape(network.inputShape())).append(", flattened row by row)");
    }
    s.append(", ").append(network.layers().size()).append(" dense layers. gradgen generates {@code ").append(name)
        .append("Model};\n");
    s.append(" * the trained parameters are in {@code ").append(weightFile).append("}:\n");
    s.append(precision == Precision.FLOAT
        ? " * copy {@code WeightFile.read(file).parameters()} into {@code model.parameters()} as floats.\n"
        : " * {@code WeightFile.load(Path.of(\"" + weightFile + "\"), new " + name + "Model())}.\n");
    if (network.logSoftmax()) {
      s.append(" *\n * <p>The ONNX model ends in LogSoftmax; this output layer is a softmax, so {@code predict}\n");
      s.append(" * returns probabilities, the exponentials of the ONNX outputs (the same ranking).\n");
    }
    s.append(" *\n * <p>The loss is not in the ONNX file: it was chosen for the output layer and may be changed.\n");
    s.append(" */\n");
    s.append("@Network(\n    inputs = ").append(network.inputs()).append(",\n    layers = {\n").append(layers)
        .append("    },\n    loss = Loss.").append(loss);
    if (precision == Precision.FLOAT) {
      s.append(",\n    precision = Precision.FLOAT");
    }
    s.append(")\npublic interface ").append(name).append(" {}\n");
    return s.toString();
  }

  private static String shape(long[] dims) {
    return Arrays.stream(dims).mapToObj(d -> String.format(Locale.ROOT, "%d", d))
        .reduce((a, b) -> a + " × " + b).orElse("");
  }
}
