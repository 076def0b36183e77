package io.gradgen.processor;

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

  /** The text of {@code public ... method(...) { ... }} up to its closing brace at two spaces. */
  private static String body(String source, String method) {
    int start = source.indexOf(" " + method + "(double[]");
    assertTrue(start >= 0, "no method " + method);
    int open = source.indexOf('{', start);
    int close = source.indexOf("\n  }\n", open);
    return source.substring(open + 1, close);
  }
}
