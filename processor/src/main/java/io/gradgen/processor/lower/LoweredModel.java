package io.gradgen.processor.lower;

import io.gradgen.CodeShape;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.schedule.Schedule;
import java.util.List;
import java.util.Optional;

/**
 * Everything the emitter prints for one declaration: the spec, the parameter layout, and the three
 * method bodies.
 *
 * @param spec the declaration
 * @param parameterNames the name of every parameter, in layout order
 * @param predict forward pass writing {@code y}
 * @param loss forward pass and loss, returning E
 * @param gradient forward pass, loss and backward pass adding into {@code grad}, returning E
 * @param trainStep the gradient's body with the delta rule applied to the parameters at the end
 * @param conventions the derivative conventions at non-differentiable points, one sentence each
 * @param schedule how the code is shaped: for {@code LOOPS} the emitter writes per-layer loops and
 *     the straight-line bodies are empty
 * @param loopPlan for {@code LOOPS}, the element functions the loops print, read off the
 *     differentiated graph
 */
public record LoweredModel(
    NetworkSpec spec,
    List<String> parameterNames,
    LoweredMethod predict,
    LoweredMethod loss,
    LoweredMethod gradient,
    LoweredMethod trainStep,
    List<String> conventions,
    Schedule schedule,
    Optional<LoopPlan> loopPlan) {

  public LoweredModel {
    parameterNames = java.util.Collections.unmodifiableList(parameterNames); // may be computed on demand
    conventions = List.copyOf(conventions);
  }

  /** The loop form of {@code spec}: the emitter writes per-layer loops around the plan's element functions. */
  public static LoweredModel loops(
      NetworkSpec spec, List<String> parameterNames, List<String> conventions, Schedule schedule, LoopPlan plan) {
    LoweredMethod none = new LoweredMethod(List.of());
    return new LoweredModel(spec, parameterNames, none, none, none, none, conventions, schedule, Optional.of(plan));
  }

  /** The shape of the code. */
  public CodeShape shape() {
    return schedule.shape();
  }
}
