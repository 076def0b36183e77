package io.gradgen.processor.emit;

import com.palantir.javapoet.MethodSpec;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.processor.lower.ElementCall;
import io.gradgen.processor.lower.ElementCall.Operand;
import io.gradgen.processor.schedule.Schedule;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The single-sample layer methods of the loop form: the forward pass of a layer (z = W·in + b,
 * then its activation) and its backward and fused-step passes (∂E/∂W = δ·inᵀ, ∂E/∂b = δ, Wᵀ·δ sent
 * down, then the layer below's gate), each as a vectorized loop over the units or, for layers the
 * schedule unrolls, with the units written out in locals.
 */
final class LoopLayers {
  private final LoopContext c;

  LoopLayers(LoopContext c) {
    this.c = c;
  }

  /**
   * z = b + Σ_k in_k·column_k, one loop over the units per {@link Schedule#COLUMNS_PER_PASS} inputs (so it
   * vectorizes and touches z once per pass), then a = f(z). Each z_j adds the products of a pass
   * among themselves first, so its rounding differs from the straight-line sum's in the last bits.
   */
  MethodSpec layerForward(int i) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(LoopContext.forwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' ($L units): z = W·in + b$L, adding in_k times column k of W to z.\n",
            l.name(), l.units(), c.activationNote(i));
    c.layerParameters(m, l);
    m.addParameter(c.array, "in")
        .addParameter(LoopContext.SCRATCH, "s")
        .addStatement("$T z = s.$N", c.array, l.name() + "_z");
    if (l.activation() != Activation.IDENTITY) {
      m.addStatement("$T a = s.$N", c.array, l.name() + "_a");
    }
    m.addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("z[j] = $L", c.biasOf(l, "j"))
        .endControlFlow();
    c.addColumnPasses(m, l, "z", "in");
    addActivation(m, i);
    return m.build();
  }

  /** a = f(z) over the layer's units, f the activation's element function, or the softmax of z. */
  private void addActivation(MethodSpec.Builder m, int i) {
    DenseLayout l = c.layers.get(i);
    c.plan.layers().get(i).activation().ifPresent(f -> {
      m.addCode(LoopContext.open("j", 0, l.units()));
      c.element(f, Map.of(Operand.Z, "z[j]")).assign(m, "a[j]", "=");
      m.endControlFlow();
    });
    if (c.plan.layers().get(i).softmax()) {
      m.addComment("softmax: e^(z − max z) / Σ e^(z − max z); subtracting the max keeps every exponent ≤ 0, and z == max is 1 even at an infinite max");
      c.addSoftmax(m, l, "", "s." + l.name() + "_max", "s." + l.name() + "_logSum");
    }
  }

  /**
   * {@link #layerForward} for a layer of few units: z_j accumulates in the local {@code zj} through
   * the loop over the inputs, so the loop body is one multiply-add per unit and no stores. Each z_j
   * sums b_j, w_j0·in_0, w_j1·in_1, … in the same order.
   */
  MethodSpec layerForwardInLocals(int i) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(LoopContext.forwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' ($L units): z = W·in + b$L, adding in_k times column k of W to z, whose $L\n"
            + "elements stay in locals.\n", l.name(), l.units(), c.activationNote(i), l.units());
    c.layerParameters(m, l);
    m.addParameter(c.array, "in")
        .addParameter(LoopContext.SCRATCH, "s")
        .addStatement("$T z = s.$N", c.array, l.name() + "_z");
    if (l.activation() != Activation.IDENTITY) {
      m.addStatement("$T a = s.$N", c.array, l.name() + "_a");
    }
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("$T z$L = $L", c.scalar, j, c.biasOf(l, Integer.toString(j)));
    }
    m.addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("$T column = w[k]", c.array)
        .addStatement("$T ink = in[k]", c.scalar);
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("z$L += column[$L] * ink", j, j);
    }
    m.endControlFlow();
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("z[$L] = z$L", j, j);
    }
    addActivation(m, i);
    return m.build();
  }

  /**
   * Layer {@code i}'s backward pass: below the first layer δ goes down, ∂E/∂in_k = Σ_j δ_j·w_jk,
   * then the previous activation's gate; into {@code grad} it adds ∂E/∂w_jk = δ_j·in_k and ∂E/∂b =
   * δ ({@link #layerGradient}). Fused with the delta rule ({@code descend}), δ goes down with the
   * old weights, then each column moves by −in_k·η·δ in a loop over the units that vectorizes.
   */
  MethodSpec layerBackward(int i, boolean descend) {
    if (!descend) {
      return layerGradient(i);
    }
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = backwardMethod(i, true);
    m.addStatement("$T step = s.$N", c.array, l.name() + "_step")
        .addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("step[j] = learningRate * delta[j]")
        .endControlFlow();
    openInputLoop(m, i, true);
    // The first layer's fused step sends nothing down: it needs no such loop.
    if (i > 0) {
      m.addStatement("$T sum = $L", c.scalar, c.zero())
          .addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("sum += delta[j] * column[j]")
          .endControlFlow()
          .addStatement("down[k] = sum");
    }
    m.addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("column[j] -= step[j] * ink")
        .endControlFlow()
        .endControlFlow();
    if (l.bias() != Bias.NONE) {
      m.addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("biases[$L] -= step[j]", l.bias() == Bias.SHARED ? "0" : "j")
          .endControlFlow();
    }
    if (i > 0) {
      addGate(m, i, l);
    }
    return m.build();
  }

  /**
   * {@link #layerBackward} into {@code grad}: below the first layer δ goes down first, then the
   * weight gradients row by row, ∂E/∂w_j· = δ_j·in, contiguous in the flat row-major layout, so
   * the loop over the inputs vectorizes (by input, the writes would stride by the input count).
   */
  private MethodSpec layerGradient(int i) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = backwardMethod(i, false);
    if (i > 0) {
      addDeltaDown(m, l);
    }
    m.addComment("∂E/∂w_jk = δ_j·in_k, row j of W at $L", LoopContext.rowStart(l))
        .addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("$T d = delta[j]", c.scalar)
        .addStatement("int row = $L", LoopContext.rowStart(l))
        .addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("grad[row + k] += d * in[k]")
        .endControlFlow()
        .endControlFlow();
    addBiasGradient(m, l);
    if (i > 0) {
      addGate(m, i, l);
    }
    return m.build();
  }

  /**
   * ∂E/∂in_k = Σ_j δ_j·w_jk into {@code down}, {@link Schedule#COLUMNS_PER_PASS} inputs per pass
   * over δ: the dot products are reductions C2 keeps scalar, and four independent sums (each in
   * the order of one) overlap their additions.
   */
  private void addDeltaDown(MethodSpec.Builder m, DenseLayout l) {
    int pass = Schedule.COLUMNS_PER_PASS;
    int blocked = l.inputs() / pass * pass;
    m.addStatement("$T down = s.$N", c.array, "dE_" + c.layers.get(c.layers.indexOf(l) - 1).name() + "_a");
    if (blocked > 0) {
      m.addComment("∂E/∂in_k = Σ_j δ_j·w_jk, $L inputs per pass over δ", pass)
          .addCode(LoopContext.open("k", 0, blocked, pass));
      for (int col = 0; col < pass; col++) {
        m.addStatement("$T c$L = w[$L]", c.array, col, LoopContext.plus("k", col))
            .addStatement("$T sum$L = $L", c.scalar, col, c.zero());
      }
      m.addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("$T d = delta[j]", c.scalar);
      for (int col = 0; col < pass; col++) {
        m.addStatement("sum$L += d * c$L[j]", col, col);
      }
      m.endControlFlow();
      for (int col = 0; col < pass; col++) {
        m.addStatement("down[$L] = sum$L", LoopContext.plus("k", col), col);
      }
      m.endControlFlow();
    }
    if (blocked < l.inputs()) {
      m.addCode(LoopContext.open("k", blocked, l.inputs()))
          .addStatement("$T column = w[k]", c.array)
          .addStatement("$T sum = $L", c.scalar, c.zero())
          .addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("sum += delta[j] * column[j]")
          .endControlFlow()
          .addStatement("down[k] = sum")
          .endControlFlow();
    }
  }

  private void addBiasGradient(MethodSpec.Builder m, DenseLayout l) {
    if (l.bias() == Bias.NONE) {
      return;
    }
    m.addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("grad[$L] += delta[j]", l.bias() == Bias.SHARED ? l.firstBias() : l.firstBias() + " + j")
        .endControlFlow();
  }

  /** The previous layer's activation gate, from the graph: δ below from ∂E/∂a, z and a. */
  private void addGate(MethodSpec.Builder m, int i, DenseLayout l) {
    DenseLayout previous = c.layers.get(i - 1);
    Optional<ElementCall> gate = c.plan.layers().get(i - 1).gate();
    m.addComment("$L", c.gateComment(i - 1))
        .addStatement("$T below = s.$N", c.array, "dE_" + previous.name() + "_z");
    gate.ifPresent(g -> LoopContext.loadOperands(m, g, previous, "s", c.array));
    m.addCode(LoopContext.open("k", 0, l.inputs()));
    if (gate.isPresent()) {
      c.element(gate.get(), Map.of(Operand.UP, "down[k]", Operand.Z, "z[k]", Operand.OUT, "a[k]")).assign(m, "below[k]", "=");
    } else {
      m.addStatement("below[k] = down[k]");
    }
    m.endControlFlow();
  }

  /**
   * Below the first layer declares {@code down} (∂E/∂a of the layer below), then opens the loop over
   * the inputs with {@code column} (when it is read) and {@code ink} (except where a gradient loop of its own reads it).
   */
  private void openInputLoop(MethodSpec.Builder m, int i, boolean descend) {
    if (i > 0) {
      m.addStatement("$T down = s.$N", c.array, "dE_" + c.layers.get(i - 1).name() + "_a");
    }
    m.addCode(LoopContext.open("k", 0, c.layers.get(i).inputs()));
    if (descend || i > 0) {
      m.addStatement("$T column = w[k]", c.array);
    }
    if (descend || i == 0) {
      m.addStatement("$T ink = in[k]", c.scalar);
    }
  }

  /**
   * The signature, Javadoc and first statement ({@code delta}) of layer {@code i}'s backward or
   * fused-step method: it takes the columns (and biases) it updates or the columns it passes δ down
   * through, the layer's input, the scratch, and {@code grad} or {@code learningRate}.
   */
  private MethodSpec.Builder backwardMethod(int i, boolean descend) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(descend ? LoopContext.descendName(i) : LoopContext.backwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L': multiply gates switch (∂E/∂w = δ·in$L), add gate distributes (∂E/∂b = δ$L).\n",
            l.name(), i > 0 ? ", ∂E/∂in = Wᵀ·δ" : "", l.bias() == Bias.SHARED ? ", summed: the bias fans out" : "");
    if (descend) {
      m.addJavadoc("Fused with the delta rule: δ goes down through the old weights, then column k moves by −in_k·η·δ.\n");
      c.layerParameters(m, l);
    } else if (i > 0) {
      m.addParameter(c.matrix, "w");
    }
    m.addParameter(c.array, "in")
        .addParameter(LoopContext.SCRATCH, "s")
        .addParameter(descend ? c.scalar : c.array, descend ? "learningRate" : "grad")
        .addStatement("$T delta = s.$N", c.array, "dE_" + l.name() + "_z");
    return m;
  }

  /**
   * {@link #layerBackward} for a layer of few units: δ_j (and η·δ_j when fused) in locals, and the
   * loop over the units written out inside the loop over the inputs. ∂E/∂in_k sums δ_0·w_0k,
   * δ_1·w_1k, … in the same order.
   */
  MethodSpec layerBackwardInLocals(int i, boolean descend) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = backwardMethod(i, descend);
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("$T d$L = delta[$L]", c.scalar, j, j);
    }
    if (descend) {
      for (int j = 0; j < l.units(); j++) {
        m.addStatement("$T step$L = learningRate * d$L", c.scalar, j, j);
      }
    }
    openInputLoop(m, i, descend);
    if (i > 0) {
      StringBuilder sum = new StringBuilder();
      for (int j = 0; j < l.units(); j++) {
        sum.append(j == 0 ? "" : " + ").append("d").append(j).append(" * column[").append(j).append("]");
      }
      m.addStatement("down[k] = $L", sum);
      if (!descend) {
        // The gradients get a loop of their own, which reads no column w[k] and so vectorizes.
        m.endControlFlow()
            .addCode(LoopContext.open("k", 0, l.inputs()))
            .addStatement("$T ink = in[k]", c.scalar);
      }
    }
    for (int j = 0; j < l.units(); j++) {
      if (descend) {
        m.addStatement("column[$L] -= step$L * ink", j, j);
      } else {
        m.addStatement("grad[$L + k] += d$L * ink", l.firstWeight() + j * l.inputs(), j);
      }
    }
    m.endControlFlow();
    if (l.bias() != Bias.NONE) {
      for (int j = 0; j < l.units(); j++) {
        int element = l.bias() == Bias.SHARED ? 0 : j;
        if (descend) {
          m.addStatement("biases[$L] -= step$L", element, j);
        } else {
          m.addStatement("grad[$L] += d$L", l.firstBias() + element, j);
        }
      }
    }
    if (i > 0) {
      addGate(m, i, l);
    }
    return m.build();
  }
}
