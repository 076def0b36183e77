package io.gradgen.processor.lower;

import java.util.Set;

/**
 * A generous estimate of the bytecode a lowered statement compiles to, each operation at its widest
 * encoding (a local at index 256 or more takes {@code wide dload}, 4 bytes; an array index past 32,767
 * an {@code ldc}): enough to keep split parts under the JIT limit without compiling them.
 */
final class BytecodeEstimate {
  /** Loading or spilling one local through the spill array: aload, sipush, daload/dastore, dstore/dload. */
  static final int SPILL = 10;

  private static final int LOCAL = 4;
  private static final int ELEMENT = 8;
  private static final int LITERAL = 3;
  private static final int CALL = 3;
  private static final int SELECT = 12;

  private BytecodeEstimate() {}

  static long of(Statement s) {
    if (s instanceof Statement.Local l) {
      return of(l.expr()) + LOCAL;
    }
    if (s instanceof Statement.Store st) {
      // aload, index, (dup2, daload for += and -=), value, (learning rate multiply), dastore
      return of(st.expr()) + ELEMENT + 4 + (st.kind() == Statement.StoreKind.DESCEND ? LOCAL + 1 : 0);
    }
    if (s instanceof Statement.Return r) {
      return of(r.expr()) + 1;
    }
    if (s instanceof Statement.Spill || s instanceof Statement.Load) {
      return SPILL;
    }
    return 0;
  }

  static long of(Expr e) {
    if (e instanceof Expr.Ref ref) {
      // A function's argument element (x[3]) or field (self.w) prints as a reference too.
      return ref.name().contains("[") || ref.name().contains(".") ? ELEMENT : LOCAL;
    }
    if (e instanceof Expr.Element) {
      return ELEMENT;
    }
    if (e instanceof Expr.Literal) {
      return LITERAL;
    }
    Expr.Apply a = (Expr.Apply) e;
    long bytes = switch (a.op()) {
      case ADD -> a.args().size() - 1;
      case SUB, MUL, DIV, NEG -> 1;
      case SQUARE -> 2 + 1;
      case RELU -> LITERAL + CALL;
      case SIGMOID -> 2 * LITERAL + 1 + CALL + 2;
      case IF_POSITIVE -> SELECT + 2 * LITERAL;
      case IF_GREATER_OR_EQUAL, IF_GREATER, IF_EQUAL -> SELECT;
      default -> CALL;
    };
    for (Expr arg : a.args()) {
      bytes += of(arg);
    }
    if (a.op() == io.gradgen.processor.graph.Op.SQUARE) {
      bytes += of(a.args().get(0)); // printed as x * x: the operand twice
    }
    return bytes;
  }

  /** Adds to {@code into} the names among {@code locals} that {@code s} reads. */
  static void localsRead(Statement s, Set<String> locals, Set<String> into) {
    if (s instanceof Statement.Local l) {
      read(l.expr(), locals, into);
    } else if (s instanceof Statement.Store st) {
      read(st.expr(), locals, into);
    } else if (s instanceof Statement.Return r) {
      read(r.expr(), locals, into);
    }
  }

  private static void read(Expr e, Set<String> locals, Set<String> into) {
    if (e instanceof Expr.Ref ref && locals.contains(ref.name())) {
      into.add(ref.name());
    } else if (e instanceof Expr.Apply a) {
      for (Expr arg : a.args()) {
        read(arg, locals, into);
      }
    }
  }
}
