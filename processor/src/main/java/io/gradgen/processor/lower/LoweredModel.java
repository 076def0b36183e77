package io.gradgen.processor.lower;

import io.gradgen.processor.model.NetworkSpec;
import java.util.List;

/**
 * Everything the emitter prints for one declaration: the spec, the parameter layout, and the three
 * method bodies.
 *
 * @param spec the declaration
 * @param parameterNames the name of every parameter, in layout order
 * @param predict forward pass writing {@code y}
 * @param loss forward pass and loss, returning E
 * @param gradient forward pass, loss and backward pass adding into {@code grad}, returning E
 * @param conventions the derivative conventions at non-differentiable points, one sentence each
 */
public record LoweredModel(
    NetworkSpec spec,
    List<String> parameterNames,
    LoweredMethod predict,
    LoweredMethod loss,
    LoweredMethod gradient,
    List<String> conventions) {

  public LoweredModel {
    parameterNames = List.copyOf(parameterNames);
    conventions = List.copyOf(conventions);
  }
}
