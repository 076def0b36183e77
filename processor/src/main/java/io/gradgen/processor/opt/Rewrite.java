package io.gradgen.processor.opt;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import java.util.Optional;

/**
 * One algebraic simplification: a node that matches becomes an equal, simpler node. A rewrite
 * never changes a value beyond floating-point rounding of folded constants.
 */
@FunctionalInterface
interface Rewrite {
  /** The replacement of {@code n}, whose arguments are already simplified, if this rule applies. */
  Optional<Node> apply(Node n, Graph g);
}
