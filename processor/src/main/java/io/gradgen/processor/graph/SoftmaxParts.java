package io.gradgen.processor.graph;

import java.util.List;

/**
 * The shared pieces of the output layer's softmax, {@code max z} and {@code Σ e^{z − max z}}, which
 * the categorical cross-entropy reuses for its log-sum-exp. Empty when the output is not softmax.
 */
record SoftmaxParts(List<Node> maxAndSum) {
  Node max() {
    return maxAndSum.get(0);
  }

  Node sum() {
    return maxAndSum.get(1);
  }
}
