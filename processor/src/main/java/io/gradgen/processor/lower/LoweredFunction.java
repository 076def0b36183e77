package io.gradgen.processor.lower;

import io.gradgen.processor.model.FunctionSpec;
import java.util.List;

/**
 * A {@code @Differentiable} method lowered for printing: the gradient method's body and what each
 * slot of its gradient array holds.
 *
 * @param spec the method as read
 * @param selfName the name of the instance argument of an instance method
 * @param gradientName the name of the gradient array argument
 * @param wrtNames what gradient slot i is the derivative with respect to
 * @param conventions the conventions used at non-differentiable points, one sentence each
 * @param body the straight-line body: value, backward pass, stores, return
 */
public record LoweredFunction(
    FunctionSpec spec,
    String selfName,
    String gradientName,
    List<String> wrtNames,
    List<String> conventions,
    LoweredMethod body) {

  public LoweredFunction {
    wrtNames = List.copyOf(wrtNames);
    conventions = List.copyOf(conventions);
  }
}
