package io.gradgen.onnx;

import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java names for what an ONNX file names freely: layers after their weights, declarations after the user. */
final class JavaNames {
  private JavaNames() {}

  /**
   * A layer name from its weight's name ("fc1.weight" gives "fc1", PyTorch's Sequential "0.weight"
   * gives "layer0"); "dense" and the layer's number when that is no Java name or is taken, or the
   * next free number after it when that is taken too.
   */
  static String layerName(String weight, int index, Set<String> taken) {
    String base = weight.replaceFirst("([._]?(weight|kernel|w))$", "");
    String name = base.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
      name = "layer" + name;
    }
    if (name.isEmpty() || name.length() > 40 || !SourceVersion.isName(name) || taken.contains(name)
        || name.contains("$")) {
      int n = index + 1;
      do {
        name = "dense" + n++;
      } while (taken.contains(name));
    }
    return name;
  }

  /** Fails unless {@code name} is a simple Java type name. */
  static String typeName(String name) {
    if (!SourceVersion.isName(name) || name.contains(".")) {
      throw new IllegalArgumentException("'" + name + "' is not a Java type name; write e.g. 'TorchClassifier'");
    }
    return name;
  }

  /** Fails unless {@code name} is a Java package name ("" for the unnamed package). */
  static String packageName(String name) {
    if (!name.isEmpty() && !SourceVersion.isName(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a Java package name; write e.g. 'com.example.models'");
    }
    return name;
  }
}
