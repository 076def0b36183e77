package io.gradgen.processor;

import com.palantir.javapoet.JavaFile;
import io.gradgen.processor.diff.Conventions;
import io.gradgen.processor.diff.Differentiator;
import io.gradgen.processor.diff.Gradient;
import io.gradgen.processor.graph.FunctionGraphBuilder;
import io.gradgen.processor.graph.Graph;
import io.gradgen.processor.graph.Node;
import io.gradgen.processor.graph.Reachable;
import io.gradgen.processor.lower.LoweredFunction;
import io.gradgen.processor.lower.Lowering;
import io.gradgen.processor.lower.Statement;
import io.gradgen.processor.model.FunctionError;
import io.gradgen.processor.model.FunctionSpec;
import io.gradgen.processor.opt.Simplifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages for {@code @Differentiable} methods: build each body's graph, differentiate it,
 * simplify, lower, and print {@code <Type>Gradients}. Free of javac.
 */
public final class FunctionPipeline {
  /**
   * Bytes of bytecode per node of the simplified graph, a generous average measured on generated
   * gradients (a local's load, the operation, the store).
   */
  static final long BYTES_PER_NODE = 12;

  /**
   * The most bytecode gradgen writes for one function: a body past the JIT limit is split into
   * parts under it, so this bounds only how long javac takes (about 70 parts).
   */
  static final long MAX_BYTES = 400_000;

  private FunctionPipeline() {}

  /** The gradient of one method, lowered. */
  public static LoweredFunction lower(FunctionSpec f, Map<String, FunctionSpec> functions) {
    Set<String> taken = new HashSet<>();
    f.parameters().forEach(p -> taken.add(p.name()));
    String self = fresh("self", taken);
    taken.add(self);
    String grad = fresh("grad", taken);
    taken.add(grad);

    FunctionGraphBuilder.Built built = FunctionGraphBuilder.build(f, functions, self);
    Graph g = built.graph();
    // Simplify before differentiating too: the rules then see the stable forms (z·σ(z), not z/(1 + e^−z)).
    Node result = Simplifier.simplify(g, List.of(built.result())).get(0);
    // The gradient needs every value of the forward pass: past the limit already, it is not built.
    checkSize(f, Reachable.computing(List.of(result)).size());
    Gradient gradient = Differentiator.differentiate(g, result, built.wrt(), "d" + f.name() + "_");
    List<Node> roots = new ArrayList<>();
    roots.add(result);
    roots.addAll(gradient.parameterGradients());
    List<Node> simple = Simplifier.simplify(g, roots);
    checkSize(f, Reachable.computing(simple).size());
    Node value = simple.get(0);
    Set<Node> forward = new HashSet<>(Reachable.computing(List.of(value)));
    List<Lowering.Output> stores = new ArrayList<>();
    for (int i = 1; i < simple.size(); i++) {
      stores.add(new Lowering.Output(grad, i - 1, simple.get(i), Statement.StoreKind.ADD,
          "∂" + f.name() + "/∂" + built.wrtNames().get(i - 1) + ": " + gradient.parameterNotes().get(i - 1)));
    }
    return new LoweredFunction(
        f, self, grad, built.wrtNames(), Conventions.of(List.of(value)),
        Lowering.lower(g, forward, stores, List.of(value), built.variables(), taken));
  }

  private static void checkSize(FunctionSpec f, int nodes) {
    long bytes = BYTES_PER_NODE * nodes;
    if (bytes > MAX_BYTES) {
      throw new FunctionError(f.at(), "unrolled, " + f.name() + " and its gradient would take about " + bytes
          + " bytes of bytecode, past the " + MAX_BYTES + " that gradgen writes for one function;"
          + " use fewer loop iterations");
    }
  }

  private static String fresh(String wanted, Set<String> taken) {
    String name = wanted;
    while (taken.contains(name)) {
      name = name + "_";
    }
    return name;
  }

}
