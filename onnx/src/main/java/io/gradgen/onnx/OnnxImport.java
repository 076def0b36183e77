package io.gradgen.onnx;

import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import io.gradgen.Precision;
import io.gradgen.io.WeightFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code onnx import}: reads an ONNX model of dense layers and writes its gradgen declaration (Java
 * source) and a weight file with its trained parameters. Compiling the declaration with gradgen's
 * processor and loading the weights gives a model that computes what the ONNX model computes; the
 * processor itself never reads ONNX.
 */
public final class OnnxImport {
  private OnnxImport() {}

  /**
   * What an import wrote.
   *
   * @param source the declaration's Java source file
   * @param weights the weight file
   * @param network the imported network
   * @param loss the declared loss
   */
  public record Result(Path source, Path weights, ImportedNetwork network, Loss loss) {}

  /**
   * Imports {@code onnxFile}: writes {@code outDir/<package as folders>/<name>.java} and the weights.
   *
   * @param onnxFile the .onnx model
   * @param packageName the declaration's package ("" for none)
   * @param name the declaration's simple name; the generated model is {@code <name>Model}
   * @param outDir the source root the declaration goes into
   * @param weights the weight file to write
   * @param loss the loss to declare, or null for {@link ImportedNetwork#defaultLoss()}
   * @param precision {@link Precision#DOUBLE} (trains with the runtime's trainer) or FLOAT
   * @return what was written
   * @throws IOException if a file cannot be read or written
   * @throws UnsupportedOnnxException if the model uses what gradgen cannot express exactly
   */
  public static Result run(
      Path onnxFile, String packageName, String name, Path outDir, Path weights, Loss loss, Precision precision)
      throws IOException {
    JavaNames.packageName(packageName);
    JavaNames.typeName(name);
    ImportedNetwork network = DenseImporter.read(OnnxReader.read(onnxFile));
    Loss chosen = loss == null ? network.defaultLoss() : loss;
    checkLoss(network, chosen);
    NetworkLayout layout = network.layout(chosen);
    String source = DeclarationWriter.write(network, packageName, name, chosen, precision,
        onnxFile.getFileName().toString(), weights.getFileName().toString());
    Path dir = packageName.isEmpty() ? outDir : outDir.resolve(packageName.replace('.', '/'));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    Path parent = weights.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    WeightFile.save(weights, new ImportedModel(network, layout));
    return new Result(file, weights, network, chosen);
  }

  /** The cross-entropies need their output activations; the processor would refuse the declaration. */
  static void checkLoss(ImportedNetwork network, Loss loss) {
    io.gradgen.Activation out = network.layers().get(network.layers().size() - 1).activation();
    if (loss == Loss.CATEGORICAL_CROSS_ENTROPY && out != io.gradgen.Activation.SOFTMAX
        || loss == Loss.BINARY_CROSS_ENTROPY && out != io.gradgen.Activation.SIGMOID) {
      throw new IllegalArgumentException("loss " + loss + " needs a " + (loss == Loss.BINARY_CROSS_ENTROPY
          ? "SIGMOID" : "SOFTMAX") + " output layer, but the imported output is " + out);
    }
    if (loss == Loss.CUSTOM) {
      throw new IllegalArgumentException("loss CUSTOM needs a function in the declaration; import with another"
          + " loss and edit the declaration");
    }
  }
}
