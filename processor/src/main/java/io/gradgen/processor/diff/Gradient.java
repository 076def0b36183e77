package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import java.util.List;

/**
 * The result of reverse-mode differentiation: one expression for ∂E/∂θ per parameter, built in
 * the same graph as the forward pass.
 *
 * @param graph the graph holding forward and backward nodes
 * @param loss the loss E
 * @param parameterGradients ∂E/∂p[i] for every parameter i, in layout order; the constant 0 for a
 *     parameter the loss does not depend on
 * @param parameterNotes for every parameter, the gates its gradient came through
 */
public record Gradient(
    Graph graph, Node loss, List<Node> parameterGradients, List<String> parameterNotes) {

  public Gradient {
    parameterGradients = List.copyOf(parameterGradients);
    parameterNotes = List.copyOf(parameterNotes);
  }
}
