package io.gradgen.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.gradgen.MathMode;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.Statement;
import java.util.Map;

/** Prints the statements of a lowered straight-line body, in double or for a float model. */
final class BodyRenderer {
  private BodyRenderer() {}

  /**
   * The statements of a lowered body; the comments that open the forward and backward passes read
   * {@code forward} and, unless empty, {@code backward}.
   */
  static CodeBlock statements(LoweredMethod method, String forward, String backward) {
    return statements(method, forward, backward, Map.of(), Numeric.DOUBLE);
  }

  /**
   * The same for a model whose arrays hold {@code storage} values, reading the arrays in {@code
   * offsets} at their offset ({@code x[xo + 2]}).
   */
  static CodeBlock statements(
      LoweredMethod method, String forward, String backward, Map<String, String> offsets, Numeric storage) {
    return statements(method, forward, backward, offsets, storage, MathMode.EXACT);
  }

  /** The same calling {@code math}'s tanh and sigmoid. */
  static CodeBlock statements(LoweredMethod method, String forward, String backward, Map<String, String> offsets,
      Numeric storage, MathMode math) {
    return statements(method, forward, backward, offsets, storage, JavaExpressions.FloatNames.of(storage), math);
  }

  /**
   * The same, where {@code floats} names the float values the body reads (a function's float
   * arguments and arrays), which it widens before arithmetic on two of them.
   */
  static CodeBlock statements(LoweredMethod method, String forward, String backward, Map<String, String> offsets,
      Numeric storage, JavaExpressions.FloatNames floats) {
    return statements(method, forward, backward, offsets, storage, floats, MathMode.EXACT);
  }

  /** The same calling {@code math}'s tanh and sigmoid. */
  static CodeBlock statements(LoweredMethod method, String forward, String backward, Map<String, String> offsets,
      Numeric storage, JavaExpressions.FloatNames floats, MathMode math) {
    // A float model's straight-line code stores and exchanges floats but holds every value it
    // computes in a double local (an operation on two float elements widens one first). On
    // HotSpot a float widened right before a Math call makes the calls wait for one another (the
    // float 4-8-3 predict took 2.2× the double one's time); scalar double arithmetic costs the
    // same as float, and rounding once per store is at least as accurate. Loops stay in float.
    boolean narrowOnStore = storage == Numeric.FLOAT;
    CodeBlock.Builder code = CodeBlock.builder();
    for (Statement s : method.statements()) {
      if (s instanceof Statement.Comment c) {
        String text = c.text().equals("forward pass")
            ? forward
            : c.text().startsWith("backward pass") && !backward.isEmpty() ? backward : c.text();
        code.add("// $L\n", text);
      } else if (s instanceof Statement.Local local) {
        if (!local.comment().isEmpty()) {
          code.add("// $L\n", local.comment());
        }
        code.addStatement("double $N = $L", local.name(), JavaExpressions.render(local.expr(), offsets, floats, math));
      } else if (s instanceof Statement.Store store) {
        code.add(
            "$N[$L] $L $L;$L\n",
            store.array(),
            offsets.containsKey(store.array())
                ? offsets.get(store.array()) + " + " + store.index()
                : Integer.toString(store.index()),
            switch (store.kind()) {
              case SET -> "=";
              case ADD -> "+=";
              case DESCEND -> "-= learningRate *";
            },
            store.kind() == Statement.StoreKind.DESCEND
                ? JavaExpressions.renderOperand(store.expr(), offsets, floats, math)
                : narrowOnStore && store.kind() == Statement.StoreKind.SET
                    ? narrow(JavaExpressions.render(store.expr(), offsets, floats, math))
                    : JavaExpressions.render(store.expr(), offsets, floats, math),
            store.comment().isEmpty() ? "" : " // " + store.comment());
      } else if (s instanceof Statement.Load load) {
        code.addStatement("double $N = $N[$L]", load.name(), SplitBodies.SPILL_ARRAY, load.slot());
      } else if (s instanceof Statement.Spill spill) {
        code.addStatement("$N[$L] = $N", SplitBodies.SPILL_ARRAY, spill.slot(), spill.name());
      } else if (s instanceof Statement.Return r) {
        String value = JavaExpressions.render(r.expr(), offsets, floats, math);
        code.addStatement("return $L", narrowOnStore ? narrow(value) : value);
      }
    }
    return code.build();
  }

  /**
   * {@code (float) value}, parenthesized unless it is a name or an array element. Compound stores
   * ({@code +=}, {@code -=}) need no cast: Java narrows their result itself.
   */
  private static String narrow(String value) {
    return value.matches("[A-Za-z_][A-Za-z_0-9]*(\\[[^\\]]*\\])?") ? "(float) " + value : "(float) (" + value + ")";
  }
}
