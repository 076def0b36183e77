package io.gradgen.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.NetworkLayout;
import io.gradgen.processor.lower.ElementCall;
import io.gradgen.processor.lower.ElementCall.Operand;
import io.gradgen.processor.lower.LoopPlan;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.schedule.Schedule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the loop renderers share: the network, its plan and schedule, the precision's types, and
 * the names and small pieces of code every loop method uses.
 */
final class LoopContext {
  static final ClassName SCRATCH = ClassName.get("", "Scratch");

  final NetworkSpec spec;
  final NetworkLayout layout;
  final List<DenseLayout> layers;
  /** The model's precision: every array, scalar, literal and {@code Math} call is written in it. */
  final Numeric numeric;
  /** {@code double[]} or {@code float[]}. */
  final TypeName array;
  /** {@code double[][]} or {@code float[][]}: a layer's columns, a batch's [unit][row] values. */
  final TypeName matrix;
  /** {@code double} or {@code float}. */
  final TypeName scalar;
  /** What every element-wise formula is: read off the differentiated graph. */
  final LoopPlan plan;
  /** How the loops run: per layer, units in locals or one vectorized loop. */
  final Schedule schedule;

  LoopContext(NetworkSpec spec, LoopPlan plan, Schedule schedule, Numeric numeric) {
    this.spec = spec;
    this.plan = plan;
    this.schedule = schedule;
    this.layout = spec.layout();
    this.layers = layout.layers();
    this.numeric = numeric;
    this.array = numeric.arrayTypeName();
    this.matrix = numeric.matrixTypeName();
    this.scalar = numeric.typeName();
  }

  static String weights(DenseLayout l) {
    return l.name() + "_w";
  }

  static String biases(DenseLayout l) {
    return l.name() + "_b";
  }

  /** The fields a layer's forward or descend method takes: its columns, then its biases if any. */
  static String layerFields(DenseLayout l) {
    return l.bias() == Bias.NONE ? weights(l) : weights(l) + ", " + biases(l);
  }

  /** Declares the parameters {@code w} and, if the layer has a bias, {@code biases}. */
  void layerParameters(MethodSpec.Builder m, DenseLayout l) {
    m.addParameter(matrix, "w");
    if (l.bias() != Bias.NONE) {
      m.addParameter(array, "biases");
    }
  }

  static String descendName(int i) {
    return "descendLayer" + i;
  }

  /** The field holding layer {@code i}'s output: a, or z for an identity layer. */
  String out(int i) {
    DenseLayout layer = layers.get(i);
    return layer.activation() == Activation.IDENTITY ? layer.name() + "_z" : layer.name() + "_a";
  }

  String output() {
    return out(layers.size() - 1);
  }

  static String forwardName(int i) {
    return "forwardLayer" + i;
  }

  static String backwardName(int i) {
    return "backwardLayer" + i;
  }

  /** {@code term(0) + term(1) + …}, one term per column (or row) of a pass. */
  static String passSum(IntFunction<String> term) {
    return IntStream.range(0, Schedule.COLUMNS_PER_PASS).mapToObj(term).collect(Collectors.joining(" + "));
  }

  /**
   * {@code z[j] += Σ_k in_k·column_k} over the units, {@link Schedule#COLUMNS_PER_PASS} columns of W
   * per pass over z (so the loop over the units vectorizes and touches z once per pass), then the
   * remaining columns one by one: the forward pass of one sample, shared by the batch's wide layers.
   * {@code z} names the sums' array and {@code in} the inputs' array.
   */
  void addColumnPasses(MethodSpec.Builder m, DenseLayout l, String z, String in) {
    int pass = Schedule.COLUMNS_PER_PASS;
    int blocked = l.inputs() / pass * pass;
    if (blocked > 0) {
      m.addComment("$L columns per pass over z: one load and one store of z[j] for $L multiply-adds", pass, pass)
          .addCode(open("k", 0, blocked, pass));
      for (int col = 0; col < pass; col++) {
        m.addStatement("$T c$L = w[$L]", array, col, plus("k", col))
            .addStatement("$T in$L = $L[$L]", scalar, col, in, plus("k", col));
      }
      m.addCode(open("j", 0, l.units()))
          .addStatement("$L[j] += $L", z, passSum(col -> "c" + col + "[j] * in" + col))
          .endControlFlow()
          .endControlFlow();
    }
    if (blocked < l.inputs()) {
      m.addCode(open("k", blocked, l.inputs()))
          .addStatement("$T column = w[k]", array)
          .addStatement("$T ink = $L[k]", scalar, in)
          .addCode(open("j", 0, l.units()))
          .addStatement("$L[j] += column[j] * ink", z)
          .endControlFlow()
          .endControlFlow();
    }
  }

  /** {@code index + c}, or {@code index} itself for c = 0. */
  static String plus(String index, int c) {
    return c == 0 ? index : index + " + " + c;
  }

  /**
   * The softmax of {@code z} into {@code a}, shifted by the largest logit m, with m into {@code
   * max} and ln Σ e^(z − m) into {@code logSum}, which the cross-entropy reuses as (m − z) + ln Σ:
   * not (m + ln Σ) − z, whose rounding to m's ulp would lose a confident sample's small loss.
   * {@code row} follows every unit index: "" for one sample, {@code [n]} for row n of a batch.
   */
  void addSoftmax(MethodSpec.Builder m, DenseLayout l, String row, String maxInto, String logSumInto) {
    m.addStatement("$T max = z[0]$L", scalar, row)
        .addCode(LoopContext.open("j", 1, l.units()))
        .addStatement("max = Math.max(max, z[j]$L)", row)
        .endControlFlow()
        .addStatement("$T total = $L", scalar, zero())
        .addCode(LoopContext.open("j", 0, l.units()))
        // z == max gives e^0 = 1 also where max is infinite (a float logit past 3.4e38), where z − max is NaN
        .addStatement("a[j]$L = z[j]$L == max ? $L : $L", row, row, one(), numeric.math("Math.exp(z[j]" + row + " - max)"))
        .addStatement("total += a[j]$L", row)
        .endControlFlow()
        .addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("a[j]$L /= total", row)
        .endControlFlow()
        .addStatement("$L = max", maxInto)
        .addStatement("$L = $L", logSumInto, numeric.math("Math.log(total)"));
  }

  /** {@link #open(String, int, int, int)} with step 1. */
  static CodeBlock open(String index, int from, int to) {
    return open(index, from, to, 1);
  }

  /**
   * Opens {@code for (int index = from; index < to; index += step)}; close it with {@code
   * endControlFlow()}. A loop that runs once (a layer with one input, a remainder of one column, a
   * single pass of four columns) opens as a block that declares its index instead.
   */
  static CodeBlock open(String index, int from, int to, int step) {
    if (to - from > 0 && to - from <= step) {
      return CodeBlock.of("{\n$>int $N = $L;\n", index, from);
    }
    return step == 1
        ? CodeBlock.of("for (int $N = $L; $N < $L; $N++) {\n$>", index, from, index, to, index)
        : CodeBlock.of("for (int $N = $L; $N < $L; $N += $L) {\n$>", index, from, index, to, index, step);
  }

  /** Where neuron j's row of weights starts: {@code firstWeight + j·inputs}. */
  static String rowStart(DenseLayout l) {
    return (l.firstWeight() == 0 ? "" : l.firstWeight() + " + ") + "j * " + l.inputs();
  }

  String biasOf(DenseLayout l, String j) {
    return switch (l.bias()) {
      case PER_NEURON -> "biases[" + j + "]";
      case SHARED -> "biases[0]";
      case NONE -> zero();
    };
  }

  String zero() {
    return numeric.literal(0.0);
  }

  String one() {
    return numeric.literal(1.0);
  }

  /** ", a = f(z)" for the Javadoc of layer {@code i}'s forward method. */
  String activationNote(int i) {
    LoopPlan.LayerPlan layer = plan.layers().get(i);
    if (layer.softmax()) {
      return ", a = softmax(z)";
    }
    return layer.activation().map(f -> ", a = " + f.function().name() + "(z)").orElse("");
  }

  /** {@code scale * value}, or the value alone for a scale of 1. */
  String scaled(double scale, String value) {
    return scale == 1.0 ? value : numeric.literal(scale) + " * " + value;
  }

  /** "½·" for a scale of 0.5, "c·" for another, "" for 1. */
  static String scaleNote(double scale) {
    return scale == 1.0 ? "" : scale == 0.5 ? "½·" : scale + "·";
  }

  /** Which forward statement the gate of layer {@code i} differentiates. */
  String gateComment(int i) {
    DenseLayout l = layers.get(i);
    return plan.layers().get(i).activation()
        .map(f -> "grad of " + l.name() + "_a = " + f.function().name() + "(" + l.name() + "_z): δ = ∂E/∂a · "
            + f.function().name() + "′(z)")
        .orElse("grad of " + l.name() + "_a = " + l.name() + "_z: δ = ∂E/∂a");
  }

  /** Declares {@code z} and {@code a} of {@code layer} (from {@code holder}) where {@code call} reads them. */
  static void loadOperands(MethodSpec.Builder m, ElementCall call, DenseLayout layer, String holder, TypeName type) {
    if (call.reads(Operand.Z)) {
      m.addStatement("$T z = $L.$N", type, holder, layer.name() + "_z");
    }
    if (call.reads(Operand.OUT)) {
      m.addStatement("$T a = $L.$N", type, holder, layer.activation() == Activation.IDENTITY ? layer.name() + "_z" : layer.name() + "_a");
    }
  }

  /** {@code call} printed in this model's precision. */
  ElementRenderer.Rendered element(ElementCall call, Map<Operand, String> operands) {
    return element(call, operands, new HashSet<>());
  }

  /** The same in a loop body that declares other calls' locals too: {@code taken} holds their names. */
  ElementRenderer.Rendered element(ElementCall call, Map<Operand, String> operands, Set<String> taken) {
    return ElementRenderer.render(call, operands, numeric, spec.math(), taken);
  }
}
