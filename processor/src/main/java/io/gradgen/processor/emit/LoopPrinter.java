package io.gradgen.processor.emit;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last rule of printing loop code: a constant-bound loop that runs once (a layer with one
 * input, a remainder of one column, a single pass of four columns) is printed as a block that
 * declares its index, never as a loop.
 */
final class LoopPrinter {
  private static final Pattern FOR = Pattern.compile(
      "^(\\s*)for \\(int (\\w+) = (\\d+); \\2 < (\\d+); \\2(?:\\+\\+| \\+= (\\d+))\\) \\{$");

  private LoopPrinter() {}

  /** {@code method} with every one-iteration loop of its body printed as a block. */
  static MethodSpec flat(MethodSpec method) {
    String code = method.code().toString();
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (String line : code.split("\n", -1)) {
      Matcher m = FOR.matcher(line);
      if (m.matches()) {
        int from = Integer.parseInt(m.group(3));
        int to = Integer.parseInt(m.group(4));
        int step = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        if (to - from > 0 && to - from <= step) {
          out.add(m.group(1) + "{");
          out.add(m.group(1) + "  int " + m.group(2) + " = " + from + ";");
          changed = true;
          continue;
        }
      }
      out.add(line);
    }
    if (!changed) {
      return method;
    }
    MethodSpec.Builder b = MethodSpec.methodBuilder(method.name())
        .addModifiers(method.modifiers())
        .addAnnotations(method.annotations())
        .addParameters(method.parameters())
        .returns(method.returnType())
        .addExceptions(method.exceptions())
        .addCode("$L", String.join("\n", out));
    if (!method.javadoc().isEmpty()) {
      b.addJavadoc(method.javadoc());
    }
    return b.build();
  }
}
