package io.gradgen.processor.testing;

import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.CodeShape;
import io.gradgen.Loss;
import io.gradgen.Precision;
import java.util.List;
import javax.tools.JavaFileObject;
import com.google.testing.compile.JavaFileObjects;

/** Writes {@code @Network} declarations as Java source, for tests that run the processor. */
public final class Declarations {
  private Declarations() {}

  /** One {@code @Dense} layer of a test declaration. */
  public record Layer(String name, int units, Activation activation, Bias bias) {}

  /** The source of {@code package pkg; @Network(...) public interface name {}}. */
  public static String source(String pkg, String name, int inputs, List<Layer> layers, Loss loss) {
    return source(pkg, name, inputs, layers, loss, CodeShape.AUTO);
  }

  /** The same, asking for a shape of code. */
  public static String source(String pkg, String name, int inputs, List<Layer> layers, Loss loss, CodeShape code) {
    return source(pkg, name, inputs, layers, loss, code, Precision.DOUBLE);
  }

  /** The same, asking for a shape of code and a precision. */
  public static String source(
      String pkg, String name, int inputs, List<Layer> layers, Loss loss, CodeShape code, Precision precision) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n");
    sb.append("import io.gradgen.*;\n\n");
    sb.append("@Network(\n    inputs = ").append(inputs).append(",\n    layers = {\n");
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      sb.append("      @Dense(name = \"").append(l.name()).append("\", units = ").append(l.units())
          .append(", activation = Activation.").append(l.activation())
          .append(", bias = Bias.").append(l.bias()).append(")")
          .append(i + 1 < layers.size() ? ",\n" : "\n");
    }
    sb.append("    },\n    loss = Loss.").append(loss);
    if (code != CodeShape.AUTO) {
      sb.append(",\n    code = CodeShape.").append(code);
    }
    if (precision != Precision.DOUBLE) {
      sb.append(",\n    precision = Precision.").append(precision);
    }
    sb.append(")\n");
    sb.append("public interface ").append(name).append(" {}\n");
    return sb.toString();
  }

  /** The same source as a compilation unit. */
  public static JavaFileObject file(String pkg, String name, int inputs, List<Layer> layers, Loss loss) {
    return file(pkg, name, inputs, layers, loss, CodeShape.AUTO);
  }

  /** The same source as a compilation unit, in a precision. */
  public static JavaFileObject file(
      String pkg, String name, int inputs, List<Layer> layers, Loss loss, Precision precision) {
    return JavaFileObjects.forSourceString(
        pkg + "." + name, source(pkg, name, inputs, layers, loss, CodeShape.AUTO, precision));
  }

  /** The same source as a compilation unit, asking for a shape of code. */
  public static JavaFileObject file(
      String pkg, String name, int inputs, List<Layer> layers, Loss loss, CodeShape code) {
    return JavaFileObjects.forSourceString(pkg + "." + name, source(pkg, name, inputs, layers, loss, code));
  }

  /** The same source as a compilation unit, asking for a shape of code and a precision. */
  public static JavaFileObject file(
      String pkg, String name, int inputs, List<Layer> layers, Loss loss, CodeShape code, Precision precision) {
    return JavaFileObjects.forSourceString(
        pkg + "." + name, source(pkg, name, inputs, layers, loss, code, precision));
  }
}
