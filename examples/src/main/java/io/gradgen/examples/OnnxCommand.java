package io.gradgen.examples;

import io.gradgen.Loss;
import io.gradgen.Precision;
import io.gradgen.onnx.OnnxExport;
import io.gradgen.onnx.OnnxImport;
import io.gradgen.onnx.ImportedNetwork;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code onnx import} and {@code onnx export}: the gradgen-onnx tooling on the command line. Import
 * writes a declaration and a weight file from an ONNX model of dense layers; export writes an ONNX
 * model from a weight file (and, optionally, the generated model class).
 */
@CommandLine.Command(
    name = "onnx",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "(import | export)",
    subcommands = {OnnxCommand.Import.class, OnnxCommand.Export.class},
    description = "Import an ONNX model of dense layers as a gradgen declaration and weight file, or export a"
        + " gradgen model as ONNX.")
final class OnnxCommand extends Command {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    err.println("onnx: which one, import or export?");
    spec.commandLine().usage(err);
    return 2;
  }

  /** A file error as the user reads it: "no such file: model.onnx", not the bare path Java's message is. */
  static UncheckedIOException fileError(IOException e) {
    String message;
    if (e instanceof NoSuchFileException n) {
      message = "no such file: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
    } else if (e instanceof AccessDeniedException a) {
      message = "permission denied: " + a.getFile();
    } else if (e instanceof FileSystemException f) {
      message = f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
    } else {
      message = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return new UncheckedIOException(message, e);
  }

  /** {@code onnx import MODEL.onnx --package P --name N --out DIR}. */
  @CommandLine.Command(
      name = "import",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Write the @Network declaration (Java source, DIR/<package>/N.java) and the weight file of an"
          + " ONNX model. Compile the declaration with gradgen's processor and load the weights into NModel.")
  static final class Import implements java.util.concurrent.Callable<Integer> {
    @CommandLine.ParentCommand OnnxCommand parent;

    @CommandLine.Parameters(paramLabel = "MODEL.onnx", description = "the ONNX model")
    Path model;

    @CommandLine.Option(names = "--package", paramLabel = "P", defaultValue = "", description = "the declaration's package")
    String packageName;

    @CommandLine.Option(names = "--name", required = true, paramLabel = "N", description = "the declaration's name; gradgen generates NModel")
    String name;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "the source root the declaration goes into")
    Path out;

    @CommandLine.Option(names = "--weights", paramLabel = "FILE", description = "the weight file (default: DIR/N.ggw)")
    Path weights;

    @CommandLine.Option(names = "--loss", paramLabel = "LOSS", description = "the declared loss (default: by the output:"
        + " CATEGORICAL_CROSS_ENTROPY for softmax, BINARY_CROSS_ENTROPY for sigmoid, else MEAN_SQUARED_ERROR)")
    Loss loss;

    @CommandLine.Option(names = "--precision", paramLabel = "P", defaultValue = "DOUBLE", description = "DOUBLE"
        + " (trains with the runtime's trainer) or FLOAT (default: ${DEFAULT-VALUE})")
    Precision precision;

    @Override
    public Integer call() throws Exception {
      Path w = weights == null ? out.resolve(name + ".ggw") : weights;
      OnnxImport.Result r;
      try {
        r = OnnxImport.run(model, packageName, name, out, w, loss, precision);
      } catch (IOException e) {
        throw fileError(e);
      }
      ImportedNetwork n = r.network();
      StringBuilder layers = new StringBuilder();
      for (ImportedNetwork.Layer l : n.layers()) {
        layers.append(layers.length() == 0 ? "" : ", ").append(l.name()).append(' ').append(l.units())
            .append(' ').append(l.activation());
      }
      parent.out.printf("%s (%s, opset %d): %d inputs; %s; loss %s%n", model.getFileName(), n.producer(), n.opset(),
          n.inputs(), layers, r.loss());
      parent.out.println("wrote " + r.source() + " (the declaration: compile it with gradgen's processor to get "
          + name + "Model)");
      parent.out.println("wrote " + r.weights() + " (" + n.parameters().length + " parameters)");
      if (n.logSoftmax()) {
        parent.out.println("note: the ONNX output is LogSoftmax; the model's output layer is SOFTMAX, so predict"
            + " returns probabilities (the exponentials of the ONNX outputs)");
      }
      return 0;
    }
  }

  /** {@code onnx export --weights FILE [--model CLASS] --out MODEL.onnx}. */
  @CommandLine.Command(
      name = "export",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Write a gradgen model as ONNX: its parameters, preprocessing and target scaling from a weight"
          + " file, its architecture from the file or from the generated model class.")
  static final class Export implements java.util.concurrent.Callable<Integer> {
    @CommandLine.ParentCommand OnnxCommand parent;

    @CommandLine.Option(names = "--weights", required = true, paramLabel = "FILE", description = "the weight file")
    Path weights;

    @CommandLine.Option(names = "--model", paramLabel = "CLASS", description = "the generated model class, e.g."
        + " com.example.TorchNetModel, from --classpath or this jar (default: the architecture the weight file names)")
    String modelClass;

    @CommandLine.Option(names = "--classpath", paramLabel = "PATH", description = "the jars and class directories"
        + " of --model, separated by '${sys:path.separator}' (java -jar ignores -cp and CLASSPATH)")
    String classpath;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "MODEL.onnx", description = "the ONNX file to write")
    Path out;

    @CommandLine.Option(names = "--opset", paramLabel = "N", defaultValue = "13", description = "the ai.onnx operator"
        + " set, 11 to 21 (default: ${DEFAULT-VALUE})")
    long opset;

    @CommandLine.Option(names = "--slope", paramLabel = "LAYER=ALPHA", description = "the slope of a LEAKY_RELU layer"
        + " (the declaration's 'slope'; a compiled model does not record it)")
    Map<String, Double> slopes = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      OnnxExport.Options options = new OnnxExport.Options(opset, slopes);
      try (URLClassLoader loader = new URLClassLoader(urls(), OnnxCommand.class.getClassLoader())) {
        if (modelClass == null) {
          OnnxExport.write(weights, out, options);
        } else {
          OnnxExport.write(load(loader), weights, out, options);
        }
      } catch (IOException e) {
        throw fileError(e);
      }
      parent.out.println("wrote " + out + " (ONNX, opset " + opset + ")");
      return 0;
    }

    private URL[] urls() throws IOException {
      List<URL> urls = new ArrayList<>();
      if (classpath != null) {
        for (String entry : classpath.split(File.pathSeparator)) {
          if (entry.isEmpty()) {
            continue;
          }
          Path p = Path.of(entry);
          if (!Files.exists(p)) {
            throw new NoSuchFileException(entry, null, "in --classpath");
          }
          urls.add(p.toUri().toURL());
        }
      }
      return urls.toArray(new URL[0]);
    }

    private Class<?> load(ClassLoader loader) {
      try {
        return Class.forName(modelClass, true, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("model class " + modelClass + " is not on the class path" + hint());
      } catch (NoClassDefFoundError e) {
        throw new IllegalArgumentException("model class " + modelClass + " needs " + e.getMessage().replace('/', '.')
            + ", which is not on the class path" + hint());
      }
    }

    private String hint() {
      return classpath == null ? "; pass --classpath with the jar or classes directory it was compiled into"
          + " (java -jar ignores -cp)" : " nor in --classpath " + classpath;
    }
  }
}
