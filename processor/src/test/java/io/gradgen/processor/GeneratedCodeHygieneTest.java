package io.gradgen.processor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradgen.processor.testing.CoverageNetworks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The simplifier leaves no zero terms or unit factors in generated code, lowering leaves no dead
 * temporaries, and the code calls nothing but {@code Math} and the class's own helper.
 */
class GeneratedCodeHygieneTest {
  /** Multiplying by one, adding or subtracting zero, multiplying by zero. */
  private static final Pattern TRIVIAL_TERM =
      Pattern.compile("\\* 1\\.0(?![0-9E])|(?<![0-9.])1\\.0 \\*|[+-] 0\\.0(?![0-9E])(?! :)|(?<![?:] )0\\.0 [+*]|\\* 0\\.0(?![0-9E])");
  private static final Pattern LOCAL = Pattern.compile("double (\\w+) = ");
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.]*)\\(");

  @TestFactory
  Stream<DynamicTest> noZeroTermsNoUnitFactorsNoDeadLocals() {
    return CoverageNetworks.CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(CoverageNetworks.compiled().source(c.sourcePath()))));
  }

  private static void check(String source) {
    for (String method : new String[] {"predict", "loss", "gradient"}) {
      String body = body(source, method).replaceAll("//.*", "");
      Matcher trivial = TRIVIAL_TERM.matcher(body);
      assertFalse(trivial.find(), () -> method + " has a trivial term '" + trivial.group() + "':\n" + body);
      Matcher local = LOCAL.matcher(body);
      while (local.find()) {
        String name = local.group(1);
        String after = body.substring(local.end());
        assertTrue(
            Pattern.compile("\\b" + name + "\\b").matcher(after).find(),
            method + " declares " + name + " but never reads it:\n" + body);
      }
      Matcher call = CALL.matcher(body);
      while (call.find()) {
        String callee = call.group(1);
        assertTrue(
            callee.startsWith("Math.") || callee.equals("checkLength"),
            method + " calls " + callee + ", which is not a Math intrinsic or a private helper");
      }
    }
  }

  /** A constant-bound loop header: {@code for (int k = 0; k < 4; k += 4)}. */
  private static final Pattern CONSTANT_LOOP =
      Pattern.compile("for \\(int (\\w+) = (\\d+); \\1 < (\\d+); \\1(?:\\+\\+| \\+= (\\d+))\\)");
  private static final Pattern TMP = Pattern.compile("\\btmp\\w*\\b");

  @TestFactory
  Stream<DynamicTest> loopCodeHasNoZeroTermsNoTmpNamesAndNoSingleIterationLoops() {
    return CoverageNetworks.CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " loops",
        () -> checkWhole(CoverageNetworks.compiledAsLoops().source("loops/" + c.name() + "Model.java"))));
  }

  @TestFactory
  Stream<DynamicTest> customFunctionCodeHasNoZeroTermsNoTmpNamesAndNoSingleIterationLoops() {
    List<String> shapes = List.of("STRAIGHT_LINE", "LOOPS");
    List<javax.tools.JavaFileObject> sources = new java.util.ArrayList<>();
    for (String shape : shapes) {
      sources.add(com.google.testing.compile.JavaFileObjects.forSourceString("hygiene.Custom" + shape, String.join("\n",
          "package hygiene;",
          "import io.gradgen.*;",
          "@Network(inputs = 1, layers = {",
          "    @Dense(name = \"h\", units = 3, activation = Activation.CUSTOM, function = \"swish\"),",
          "    @Dense(name = \"out\", units = 1, activation = Activation.GELU)},",
          "  loss = Loss.CUSTOM, lossFunction = \"huber\", code = CodeShape." + shape + ")",
          "public interface Custom" + shape + " {",
          "  @Differentiable static double swish(double z) { return z / (1 + Math.exp(-z)); }",
          "  @Differentiable static double huber(double o, double t) {",
          "    double d = o - t;",
          "    return Math.abs(d) <= 1 ? 0.5 * d * d : Math.abs(d) - 0.5;",
          "  }",
          "}")));
    }
    io.gradgen.processor.testing.CompiledModels compiled = io.gradgen.processor.testing.CompiledModels.compile(sources);
    return shapes.stream().map(shape -> DynamicTest.dynamicTest(shape,
        () -> checkWhole(compiled.source("hygiene/Custom" + shape + "Model.java"))));
  }

  /** The checks over a whole generated file, comments and Javadoc left out. */
  private static void checkWhole(String source) {
    String code = source.replaceAll("//.*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    Matcher trivial = TRIVIAL_TERM.matcher(code);
    assertFalse(trivial.find(), () -> "a trivial term '" + trivial.group() + "' in:\n" + source);
    Matcher tmp = TMP.matcher(code);
    assertFalse(tmp.find(), () -> "a name '" + tmp.group() + "' that says nothing in:\n" + source);
    Matcher loop = CONSTANT_LOOP.matcher(code);
    while (loop.find()) {
      int from = Integer.parseInt(loop.group(2));
      int to = Integer.parseInt(loop.group(3));
      int step = loop.group(4) == null ? 1 : Integer.parseInt(loop.group(4));
      assertTrue(to - from > step, "a loop that runs once, '" + loop.group() + "', in:\n" + source);
    }
  }

  /** The text of {@code public ... method(...) { ... }} up to its closing brace at two spaces. */
  private static String body(String source, String method) {
    int start = source.indexOf(" " + method + "(double[]");
    assertTrue(start >= 0, "no method " + method);
    int open = source.indexOf('{', start);
    int close = source.indexOf("\n  }\n", open);
    return source.substring(open + 1, close);
  }
}
