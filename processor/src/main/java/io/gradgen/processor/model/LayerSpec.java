package io.gradgen.processor.model;

import io.gradgen.Activation;
import io.gradgen.Bias;

/** One {@code @Dense} layer as declared (checked by the {@link Validator} before use). */
public record LayerSpec(String name, int units, Activation activation, Bias bias) {}
