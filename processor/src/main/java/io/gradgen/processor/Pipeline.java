package io.gradgen.processor;

import com.palantir.javapoet.JavaFile;
import io.gradgen.CodeShape;
import io.gradgen.processor.diff.Conventions;
import io.gradgen.processor.emit.ModelEmitter;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Reachable;
import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.lower.ArrayNames;
import io.gradgen.processor.lower.LoopPlan;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.LoweredModel;
import io.gradgen.processor.lower.Lowering;
import io.gradgen.processor.lower.Scalarizer;
import io.gradgen.processor.lower.Statement;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.opt.Simplifier;
import io.gradgen.processor.schedule.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stages after validation, each a function of the previous one's result: build the tensor
 * graph and differentiate it, choose the schedule, lower (loops, or the graph written out element
 * by element and simplified), emit. Free of javac, so tests run it directly.
 */
public final class Pipeline {
  private Pipeline() {}

  /** The lowered form of a validated spec: what the emitter prints. */
  public static LoweredModel lower(NetworkSpec spec) {
    Schedule schedule = Schedule.of(spec);
    NetworkIr ir = NetworkIr.of(spec);
    List<String> conventions = Conventions.of(ir.elementBodies());
    if (schedule.shape() == CodeShape.LOOPS) {
      // Loops render the tensor graph per layer: no scalar graph, so any size compiles quickly.
      return LoweredModel.loops(spec, spec.parameterNames(), conventions, schedule, LoopPlan.of(ir));
    }
    // Straight-line code is the same differentiated graph, written out element by element.
    Scalarizer.Scalar net = Scalarizer.of(ir);
    Graph g = net.graph();
    int outputs = net.outputs().size();
    List<Node> roots = new ArrayList<>(net.outputs());
    roots.add(net.loss());
    roots.addAll(net.gradients());
    List<Node> simple = Simplifier.simplify(g, roots);
    List<Node> y = simple.subList(0, outputs);
    Node loss = simple.get(outputs);
    List<Node> grads = simple.subList(outputs + 1, simple.size());

    List<Node> forwardRoots = new ArrayList<>(y);
    forwardRoots.add(loss);
    Set<Node> forward = new HashSet<>(Reachable.computing(forwardRoots));
    List<Lowering.Output> predictStores = new ArrayList<>();
    for (int j = 0; j < y.size(); j++) {
      predictStores.add(new Lowering.Output(ArrayNames.OUTPUTS, j, y.get(j), Statement.StoreKind.SET, ""));
    }
    List<String> names = spec.parameterNames();
    List<Lowering.Output> gradientStores = new ArrayList<>();
    for (int i = 0; i < grads.size(); i++) {
      gradientStores.add(
          new Lowering.Output(
              ArrayNames.GRADIENT,
              i,
              grads.get(i),
              Statement.StoreKind.ADD,
              names.get(i) + ": " + net.notes().get(i)));
    }
    LoweredMethod predict = Lowering.lower(g, forward, predictStores, List.of());
    LoweredMethod lossMethod = Lowering.lower(g, forward, List.of(), List.of(loss));
    LoweredMethod gradientMethod = Lowering.lower(g, forward, gradientStores, List.of(loss));
    List<Lowering.Output> updates = new ArrayList<>();
    for (Lowering.Output o : gradientStores) {
      updates.add(new Lowering.Output(ArrayNames.PARAMETERS, o.index(), o.value(), Statement.StoreKind.DESCEND, o.comment()));
    }
    LoweredMethod trainStep = Lowering.lower(g, forward, updates, List.of(loss));
    return new LoweredModel(
        spec, names, predict, lossMethod, gradientMethod, trainStep, conventions,
        schedule, Optional.empty());
  }

  /** The generated source of a validated spec. */
  public static JavaFile generate(NetworkSpec spec) {
    return ModelEmitter.emit(lower(spec));
  }
}
