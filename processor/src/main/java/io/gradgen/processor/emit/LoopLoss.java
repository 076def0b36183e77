package io.gradgen.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.gradgen.DenseLayout;
import io.gradgen.Loss;
import io.gradgen.processor.lower.ElementCall;
import io.gradgen.processor.lower.ElementCall.Operand;
import io.gradgen.processor.lower.LoopPlan;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The loss and the output layer's δ of the loop form, one sample or a chunk of rows: the loss node
 * of the graph and the adjoints of the output, printed from their element functions.
 */
final class LoopLoss {
  private final LoopContext c;

  LoopLoss(LoopContext c) {
    this.c = c;
  }

  /** The loss of the outputs in scratch against {@code t}: the loss node of the graph. */
  MethodSpec lossOf() {
    DenseLayout last = c.layers.get(c.layers.size() - 1);
    LoopPlan.LossPlan loss = c.plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("lossOf")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(c.scalar)
        .addParameter(LoopContext.SCRATCH, "s")
        .addParameter(c.array, "t")
        .addStatement("$T o = s.$N", c.array, c.output())
        .addStatement("$T sum = $L", c.scalar, c.zero());
    if (loss.kind() != LoopPlan.LossPlan.Kind.SUM_OF_TERMS) {
      m.addStatement("$T z = s.$N", c.array, last.name() + "_z");
    }
    switch (loss.kind()) {
      case SUM_OF_TERMS -> {
        ElementCall term = loss.term().orElseThrow();
        m.addJavadoc("E = $LΣ $L over the outputs.\n", LoopContext.scaleNote(loss.scale()), term.function().formula());
        addRest(m, last.units(), "o[j]", "t[j]", false);
        m.addCode(LoopContext.open("j", 0, last.units()));
        c.element(term, Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]", Operand.REST, "rest")).assign(m, "sum", "+=");
        m.endControlFlow();
        m.addStatement("return $L", c.scaled(loss.scale(), "sum"));
      }
      case SIGMOID_CROSS_ENTROPY -> {
        m.addJavadoc("E = −Σ[t·ln o + (1 − t)·ln(1 − o)], as Σ[max(z, 0) − z·t + ln(1 + e^−|z|)], finite for any z.\n")
            .addCode(LoopContext.open("j", 0, last.units()));
        c.element(loss.term().orElseThrow(), Map.of(Operand.Z, "z[j]", Operand.TARGET, "t[j]")).assign(m, "sum", "+=");
        m.endControlFlow().addStatement("return sum");
      }
      case SOFTMAX_CROSS_ENTROPY -> m
          .addJavadoc("E = −Σ t·ln p, as Σ t·((max z − z) + ln Σ e^(z − max z)), finite for any z; the softmax kept both.\n")
          .addStatement("$T max = s.$N", c.scalar, last.name() + "_max")
          .addStatement("$T logSum = s.$N", c.scalar, last.name() + "_logSum")
          .addCode(LoopContext.open("j", 0, last.units()))
          .addStatement("sum += $L", crossEntropyTerm("t[j]", "z[j]"))
          .endControlFlow()
          .addStatement("return sum");
    }
    return m.build();
  }

  /**
   * δ of the output layer, as the graph's adjoints give it: ∂E/∂o from the loss term's gate, then
   * the activation's gate (the softmax gate, or o − t where a cross-entropy fuses with it).
   */
  MethodSpec outputDelta() {
    DenseLayout last = c.layers.get(c.layers.size() - 1);
    int n = last.units();
    String name = last.name();
    LoopPlan.LossPlan loss = c.plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("outputDelta")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(LoopContext.SCRATCH, "s")
        .addParameter(c.array, "t")
        .addStatement("$T o = s.$N", c.array, c.output())
        .addStatement("$T delta = s.$N", c.array, "dE_" + name + "_z");
    if (loss.up().isEmpty()) {
      ElementCall fused = loss.delta().orElseThrow();
      m.addJavadoc("$L + cross-entropy fuse: δ = $L.\n",
          loss.kind() == LoopPlan.LossPlan.Kind.SIGMOID_CROSS_ENTROPY ? "Sigmoid" : "Softmax",
          fused.reads(Operand.TARGET_SUM) ? "o·Σt − t (o − t for targets summing to 1)" : "o − t");
      if (fused.reads(Operand.Z)) {
        m.addStatement("$T z = s.$N", c.array, name + "_z");
      }
      if (fused.reads(Operand.TARGET_SUM)) {
        addTargetSum(m, n, "t[j]");
      }
      m.addCode(LoopContext.open("j", 0, n));
      c.element(fused, Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]", Operand.Z, "z[j]",
          Operand.TARGET_SUM, "targetSum")).assign(m, "delta[j]", "=");
      return m.endControlFlow().build();
    }
    String up = loss.delta().isPresent() ? "up" : "delta";
    m.addJavadoc("Loss gate: ∂E/∂o$L.\n", loss.delta().isPresent() ? "; then the gate of layer '" + name + "'s activation" : " is δ");
    if (loss.delta().isPresent()) {
      m.addStatement("$T up = s.$N", c.array, "dE_" + name + "_a");
    }
    addRest(m, n, "o[j]", "t[j]", true);
    m.addCode(LoopContext.open("j", 0, n));
    c.element(loss.up().orElseThrow(), Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]", Operand.REST, "rest",
        Operand.REST_UP, "restUp")).assign(m, up + "[j]", "=");
    m.endControlFlow();
    if (loss.delta().isEmpty()) {
      return m.build();
    }
    ElementCall gate = loss.delta().orElseThrow();
    if (gate.reads(Operand.Z)) {
      m.addStatement("$T z = s.$N", c.array, name + "_z");
    }
    if (gate.reads(Operand.DOT)) {
      m.addComment("softmax gate: δ_j = Σ_i up_i·p_i·(δ_ij − p_j) = p_j·(up_j − dot), dot = Σ_i up_i·p_i; residual,")
          .addComment("dot's rounding error Σ_i p_i·(up_i − dot), is taken out too (it matters where one p is nearly 1)");
      addSoftmaxSums(m, n, "up[i]", "o[i]", gate.reads(Operand.RESIDUAL));
    }
    m.addCode(LoopContext.open("j", 0, n));
    c.element(gate, Map.of(Operand.UP, "up[j]", Operand.Z, "z[j]", Operand.OUT, "o[j]", Operand.TARGET, "t[j]",
        Operand.DOT, "dot", Operand.RESIDUAL, "residual")).assign(m, "delta[j]", "=");
    return m.endControlFlow().build();
  }

  /** Each row's loss, summed, and the output layer's δ for each row: the same calls as {@link #lossOf} and {@link #outputDelta}. */
  MethodSpec batchLossAndDelta() {
    DenseLayout last = c.layers.get(c.layers.size() - 1);
    int units = last.units();
    String name = last.name();
    LoopPlan.LossPlan loss = c.plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchLossAndDelta")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(c.scalar)
        .addParameter(ClassName.get("", "Batch"), "b")
        .addParameter(c.array, "ts").addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T o = b.$N", c.matrix, c.output())
        .addStatement("$T z = b.$N", c.matrix, name + "_z")
        .addStatement("$T delta = b.$N", c.matrix, "dE_" + name + "_z")
        .addStatement("$T loss = $L", c.scalar, c.zero());
    boolean sumOfTerms = loss.kind() == LoopPlan.LossPlan.Kind.SUM_OF_TERMS;
    if (sumOfTerms && loss.delta().isPresent()) {
      m.addStatement("$T up = b.$N", c.matrix, "dE_" + name + "_a");
    }
    m.beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("int row = offset + n * OUTPUTS");
    Map<Operand, String> at = Map.of(Operand.OUT, "o[j][n]", Operand.TARGET, "t", Operand.Z, "z[j][n]",
        Operand.UP, "up[j][n]", Operand.DOT, "dot", Operand.RESIDUAL, "residual", Operand.TARGET_SUM, "targetSum",
        Operand.REST, "rest", Operand.REST_UP, "restUp");
    switch (loss.kind()) {
      case SOFTMAX_CROSS_ENTROPY -> {
        if (loss.delta().orElseThrow().reads(Operand.TARGET_SUM)) {
          addTargetSum(m, units, "ts[row + j]");
        }
        m.addStatement("$T max = b.$N[n]", c.scalar, name + "_max")
            .addStatement("$T logSum = b.$N[n]", c.scalar, name + "_logSum")
            .addCode(LoopContext.open("j", 0, units))
            .addStatement("$T t = ts[row + j]", c.scalar)
            .addStatement("loss += $L", crossEntropyTerm("t", "z[j][n]"));
        c.element(loss.delta().orElseThrow(), at).assign(m, "delta[j][n]", "=");
        m.endControlFlow();
      }
      case SIGMOID_CROSS_ENTROPY -> {
        m.addCode(LoopContext.open("j", 0, units))
            .addStatement("$T t = ts[row + j]", c.scalar);
        Set<String> taken = new HashSet<>();
        c.element(loss.term().orElseThrow(), at, taken).assign(m, "loss", "+=");
        c.element(loss.delta().orElseThrow(), at, taken).assign(m, "delta[j][n]", "=");
        m.endControlFlow();
      }
      case SUM_OF_TERMS -> {
        String up = loss.delta().isPresent() ? "up[j][n]" : "delta[j][n]";
        addRest(m, units, "o[j][n]", "ts[row + j]", false);
        m.addStatement("$T terms = $L", c.scalar, c.zero());
        loss.restUp().ifPresent(r -> m.addStatement("$T restUp = $L", c.scalar, c.zero()));
        m.addCode(LoopContext.open("j", 0, units))
            .addStatement("$T t = ts[row + j]", c.scalar);
        Set<String> taken = new HashSet<>();
        c.element(loss.term().orElseThrow(), at, taken).assign(m, "terms", "+=");
        if (loss.restUp().isPresent()) {
          // ∂E/∂o reads ∂E/∂rest, the sum over every output: a second pass.
          c.element(loss.restUp().orElseThrow(), at, taken).assign(m, "restUp", "+=");
          m.endControlFlow()
              .addCode(LoopContext.open("j", 0, units))
              .addStatement("$T t = ts[row + j]", c.scalar);
          taken = new HashSet<>();
        }
        c.element(loss.up().orElseThrow(), at, taken).assign(m, up, "=");
        m.endControlFlow()
            .addStatement("loss += $L", c.scaled(loss.scale(), "terms"));
        loss.delta().ifPresent(gate -> {
          if (gate.reads(Operand.DOT)) {
            addSoftmaxSums(m, units, "up[i][n]", "o[i][n]", gate.reads(Operand.RESIDUAL));
          }
          m.addCode(LoopContext.open("j", 0, units));
          if (gate.reads(Operand.TARGET)) {
            m.addStatement("$T t = ts[row + j]", c.scalar);
          }
          c.element(gate, at).assign(m, "delta[j][n]", "=");
          m.endControlFlow();
        });
      }
    }
    return m.endControlFlow().addStatement("return loss").build();
  }

  /**
   * {@code t·((max − z) + ln s)}, with the limits at an infinite logit (a float one past 3.4e38): a
   * term of target 0 is 0 (0·ln 0 = 0), and the largest logit is 0 from the max, not ∞ − ∞. Both
   * guards give what the plain formula gives at every finite logit.
   */
  private String crossEntropyTerm(String t, String z) {
    return t + " == 0 ? " + c.zero() + " : " + t + " * ((" + z + " == max ? " + c.zero() + " : max - " + z + ") + logSum)";
  }

  /**
   * {@code dot = Σ_i up_i·p_i} and, when the gate reads it, {@code residual = Σ_i p_i·(up_i − dot)}:
   * dot's rounding error, which the gate takes back out where one p is nearly 1.
   */
  private void addSoftmaxSums(MethodSpec.Builder m, int units, String up, String p, boolean residual) {
    m.addStatement("$T dot = $L", c.scalar, c.zero())
        .addCode(LoopContext.open("i", 0, units))
        .addStatement("dot += $L * $L", up, p)
        .endControlFlow();
    if (residual) {
      m.addStatement("$T residual = $L", c.scalar, c.zero())
          .addCode(LoopContext.open("i", 0, units))
          .addStatement("residual += $L * ($L - dot)", p, up)
          .endControlFlow();
    }
  }

  /**
   * For the squared error of a softmax output: {@code rest} = Σ of the outputs below ¾ (1 − max o
   * where max o > ¾, with the digits 1 − o loses), and with {@code withUp} its gradient {@code
   * restUp} = ∂E/∂rest, which ∂E/∂o reads.
   */
  private void addRest(MethodSpec.Builder m, int units, String out, String target, boolean withUp) {
    LoopPlan.LossPlan loss = c.plan.loss();
    if (loss.rest().isEmpty()) {
      return;
    }
    m.addComment("rest = Σ of the outputs ≤ ¾: 1 − max o where max o > ¾, with the digits 1 − o loses as o rounds to 1");
    m.addStatement("$T rest = $L", c.scalar, c.zero()).addCode(LoopContext.open("j", 0, units));
    c.element(loss.rest().orElseThrow(), Map.of(Operand.OUT, out)).assign(m, "rest", "+=");
    m.endControlFlow();
    if (withUp) {
      m.addStatement("$T restUp = $L", c.scalar, c.zero()).addCode(LoopContext.open("j", 0, units));
      c.element(loss.restUp().orElseThrow(), Map.of(Operand.OUT, out, Operand.TARGET, target, Operand.REST, "rest"))
          .assign(m, "restUp", "+=");
      m.endControlFlow();
    }
  }

  /** {@code targetSum = Σ_j t_j}, the targets' sum that the exact softmax cross-entropy gate reads. */
  private void addTargetSum(MethodSpec.Builder m, int units, String target) {
    m.addStatement("$T targetSum = $L", c.scalar, c.zero())
        .addCode(LoopContext.open("j", 0, units))
        .addStatement("targetSum += $L", target)
        .endControlFlow();
  }
}
