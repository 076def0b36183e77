package io.gradgen.processor.diff;

import io.gradgen.processor.graph.Op;

/**
 * An op's gate rule with the sentence that names it in generated comments.
 *
 * @param op the op
 * @param description what the gate does backward, e.g. "multiply gate switches"
 * @param rule the rule itself
 */
public record Gate(Op op, String description, GateRule rule) {}
