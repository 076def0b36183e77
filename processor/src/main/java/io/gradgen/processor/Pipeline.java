package io.gradgen.processor;

import com.palantir.javapoet.JavaFile;
import io.gradgen.CodeShape;
import io.gradgen.processor.diff.Conventions;
import io.gradgen.processor.diff.Differentiator;
import io.gradgen.processor.diff.Gradient;
import io.gradgen.processor.emit.ModelEmitter;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.NetworkGraph;
import io.gradgen.processor.graph.NetworkGraphBuilder;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Reachable;
import io.gradgen.processor.ir.NetworkIr;
import io.gradgen.processor.lower.ArrayNames;
import io.gradgen.processor.lower.LoopPlan;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.LoweredModel;
import io.gradgen.processor.lower.Lowering;
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
 * The stages after validation, each a function of the previous one's result: build the graph,
 * differentiate it, simplify, lower, emit. Free of javac, so tests run it directly.
 */
public final class Pipeline {
  private Pipeline() {}

  /** The lowered form of a validated spec: what the emitter prints. */
  public static LoweredModel lower(NetworkSpec spec) {
    Schedule schedule = Schedule.of(spec);
    if (schedule.shape() == CodeShape.LOOPS) {
      // Loops are lowered from the differentiated tensor graph: no scalar graph of the whole
      // network, so any size compiles quickly.
      LoopPlan plan = LoopPlan.of(NetworkIr.of(spec));
      return LoweredModel.loops(spec, spec.parameterNames(), Conventions.of(plan.functionBodies()), schedule, plan);
    }
    NetworkGraph net = NetworkGraphBuilder.build(spec);
    Graph g = net.graph();
    // Simplify before differentiating too: the rules then see the stable forms (z·σ(z), not z/(1 + e^−z)).
    List<Node> forwardOnly = new ArrayList<>(net.outputs());
    forwardOnly.add(net.loss());
    forwardOnly = Simplifier.simplify(g, forwardOnly);
    int outputs = net.outputs().size();
    Gradient gradient = Differentiator.differentiate(g, forwardOnly.get(outputs), net.parameters());

    List<Node> roots = new ArrayList<>(forwardOnly);
    roots.addAll(gradient.parameterGradients());
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
              names.get(i) + ": " + gradient.parameterNotes().get(i)));
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
        spec, names, predict, lossMethod, gradientMethod, trainStep, Conventions.of(forwardRoots),
        schedule, Optional.empty());
  }

  /** The generated source of a validated spec. */
  public static JavaFile generate(NetworkSpec spec) {
    return ModelEmitter.emit(lower(spec));
  }
}
