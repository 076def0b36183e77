package io.gradgen.processor.graph;

import io.gradgen.processor.model.Ast;
import io.gradgen.processor.model.FunctionError;
import java.util.List;

/** The node of a call of one of {@code java.lang.Math}'s differentiable functions. */
final class MathCalls {
  private MathCalls() {}

  /** {@code Math.name(args)} as one node. */
  static Node node(Graph g, String name, List<Node> args, Ast.Call call) {
    String fn = "Math." + name;
    int arity = switch (name) {
      case "pow", "max", "min" -> 2;
      default -> 1;
    };
    if (args.size() != arity) {
      throw new FunctionError(call.at(), fn + " takes " + arity + " argument" + (arity == 1 ? "" : "s"));
    }
    return switch (name) {
      case "exp" -> g.node(Op.EXP, args.get(0));
      case "log" -> g.node(Op.LOG, args.get(0));
      case "log1p" -> g.node(Op.LOG1P, args.get(0));
      case "sqrt" -> g.node(Op.SQRT, args.get(0));
      case "abs" -> g.node(Op.ABS, args.get(0));
      case "tanh" -> g.node(Op.TANH, args.get(0));
      case "sin" -> g.node(Op.SIN, args.get(0));
      case "cos" -> g.node(Op.COS, args.get(0));
      case "pow" -> g.node(Op.POW, args.get(0), args.get(1));
      case "max" -> g.node(Op.MAX, args.get(0), args.get(1));
      case "min" -> g.node(Op.MIN, args.get(0), args.get(1));
      default -> throw new FunctionError(call.at(), fn + " is not differentiable by gradgen");
    };
  }
}
