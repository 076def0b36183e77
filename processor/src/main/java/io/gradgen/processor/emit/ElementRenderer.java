package io.gradgen.processor.emit;

import com.palantir.javapoet.MethodSpec;
import io.gradgen.MathMode;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.lower.ElementCall;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.Lowering;
import io.gradgen.processor.lower.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints an {@link ElementCall} inside a loop body: the element function's body lowered like any
 * straight-line code (its locals named after the function's, values used twice kept in locals),
 * each argument replaced by the array element the loop reads ({@code z[j]}, {@code o[j][n]}).
 */
final class ElementRenderer {
  /** Names the loop methods use for their own locals and parameters: a function's locals avoid them. */
  private static final Set<String> LOOP_NAMES = Set.of(
      "a", "b", "biases", "blocked", "column", "copy", "count", "d", "delta", "dk", "dn", "dot", "down", "below",
      "g", "grad", "i", "in", "ink", "j", "k", "learningRate", "logSum", "logSumExp", "loss", "m", "max", "n", "o", "r",
      "residual",
      "row", "s", "scale", "squares", "step", "sum", "t", "targetSum", "total", "up", "w", "weight", "x", "y", "z", "zj", "E");

  /**
   * The printed call.
   *
   * @param locals the statements computing its shared values, each without the semicolon
   * @param value the expression of its result
   */
  record Rendered(List<String> locals, String value) {
    /** Adds the locals to {@code m}, then {@code target = value} (or {@code target += value}). */
    void assign(MethodSpec.Builder m, String target, String operator) {
      for (String local : locals) {
        m.addStatement("$L", local);
      }
      m.addStatement("$L $L $L", target, operator, value);
    }
  }

  private ElementRenderer() {}

  /**
   * {@code call} with each operand printed as {@code operands.get(operand)}, in {@code numeric}; its
   * locals avoid the names in {@code taken}, to which they are added; tanh and sigmoid are {@code
   * math}'s.
   */
  static Rendered render(
      ElementCall call, Map<ElementCall.Operand, String> operands, Numeric numeric, MathMode math, Set<String> taken) {
    List<String> variables = new ArrayList<>();
    for (ElementCall.Operand o : call.operands()) {
      String text = operands.get(o);
      if (text == null) {
        throw new IllegalArgumentException(call.function().name() + " reads " + o + ", which this loop does not hold");
      }
      variables.add(text);
    }
    Node result = call.function().result();
    Set<Node> all = new HashSet<>(call.function().graph().nodes());
    Set<String> reserved = new HashSet<>(LOOP_NAMES);
    reserved.addAll(taken);
    LoweredMethod body = Lowering.lower(call.function().graph(), all, List.of(), List.of(result), variables, reserved);
    List<String> locals = new ArrayList<>();
    String value = null;
    for (Statement s : body.statements()) {
      if (s instanceof Statement.Local local) {
        locals.add(numeric.type() + " " + local.name() + " = " + JavaExpressions.render(local.expr(), numeric, math));
        taken.add(local.name());
      } else if (s instanceof Statement.Return ret) {
        value = JavaExpressions.render(ret.expr(), numeric, math);
      }
    }
    if (value == null) {
      throw new IllegalStateException(call.function().name() + " lowered to no value");
    }
    return new Rendered(locals, value);
  }
}
