package io.gradgen.processor.model;

import java.util.List;

/**
 * The body of a {@code @Differentiable} method in gradgen's subset of Java, as read from the source.
 * Free of javac types: {@link #at()} is an opaque handle to the source position, used only to
 * report a problem found later (an index out of range while unrolling, recursion).
 */
public sealed interface Ast {
  /** Where this construct is in the source. */
  Object at();

  /** A numeric literal or a {@code Math} constant. */
  record Num(double value, boolean isInt, Object at) implements Ast {}

  /** A local, an argument, a field or a loop index. */
  record Name(String name, Object at) implements Ast {}

  /** {@code array[index]}. */
  record Element(String array, Ast index, Object at) implements Ast {}

  /** {@code -operand} (op "-") or {@code +operand} (op "+"). */
  record Unary(String op, Ast operand, Object at) implements Ast {}

  /** {@code left op right} for + − * / % and the comparisons &lt; &lt;= &gt; &gt;= == !=. */
  record Binary(String op, Ast left, Ast right, Object at) implements Ast {}

  /** {@code Math.exp(…)} (function "Math.exp") or a call of another differentiable method. */
  record Call(String function, List<Ast> args, Object at) implements Ast {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code condition ? then : otherwise}, the condition a comparison. */
  record Conditional(Ast condition, Ast then, Ast otherwise, Object at) implements Ast {}

  /** {@code double name = init;} or {@code int name = init;}. */
  record Declare(String name, boolean isInt, Ast init, Object at) implements Ast {}

  /** {@code name = value} (op "=") or a compound assignment (op "+", "-", "*", "/"). */
  record Assign(String name, String op, Ast value, Object at) implements Ast {}

  /**
   * {@code for (int index = from; index comparison bound; index += step) body}, with constant
   * bounds: unrolled.
   */
  record For(String index, Ast from, String comparison, Ast bound, int step, List<Ast> body, Object at)
      implements Ast {
    public For {
      body = List.copyOf(body);
    }
  }

  /** {@code return value;}. */
  record Return(Ast value, Object at) implements Ast {}
}
