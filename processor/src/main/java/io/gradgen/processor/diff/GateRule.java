package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;

/**
 * The backward rule of one op: given the gradient arriving at a node's output ({@code upstream},
 * ∂E/∂node), it sends each argument that depends on a parameter its share, ∂E/∂node · ∂node/∂arg.
 *
 * <p>A rule may send nothing to an argument whose local derivative is zero everywhere it is
 * defined (a comparison, a sign); it states that in its description. Contributions to one argument
 * from several consumers are summed by the {@link Differentiator} (fan-out sums).
 */
@FunctionalInterface
public interface GateRule {
  void backward(Node node, Node upstream, Graph g, Contributions out);

  /** Where a rule sends its contributions. */
  interface Contributions {
    /** Sends {@code gradient} to argument {@code argIndex} of the node being differentiated. */
    void add(int argIndex, Node gradient);
  }
}
