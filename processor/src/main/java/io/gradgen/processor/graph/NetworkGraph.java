package io.gradgen.processor.graph;

import io.gradgen.processor.model.NetworkSpec;
import java.util.List;

/**
 * The forward computation graph of a declared network.
 *
 * @param spec the declaration it was built from
 * @param graph the nodes, with their names and notes
 * @param outputs the network's outputs, {@code y[0]} first
 * @param loss the loss E of one sample
 * @param parameters the parameter nodes {@code p[0] … p[n−1]}, in layout order
 */
public record NetworkGraph(
    NetworkSpec spec, Graph graph, List<Node> outputs, Node loss, List<Node> parameters) {

  public NetworkGraph {
    outputs = List.copyOf(outputs);
    parameters = List.copyOf(parameters);
  }
}
