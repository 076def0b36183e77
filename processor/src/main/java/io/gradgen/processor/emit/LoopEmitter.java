package io.gradgen.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DenseLayout;
import io.gradgen.ScratchPool;
import io.gradgen.processor.lower.LoopPlan;
import io.gradgen.processor.model.NetworkSpec;
import io.gradgen.processor.schedule.Schedule;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the loop form of a model: one small method per layer and pass, constant-bound loops,
 * intermediate values in pooled scratch arrays, one set per call running at once. Any size; every method stays far below
 * HotSpot's 8,000-byte JIT limit.
 *
 * <p>Each layer's weights are stored column by column ({@code Parameters.byColumn}): {@code
 * <layer>_w[k]} holds the weights from input k to every unit. The forward pass then adds {@code
 * in_k·column} to z with one loop over the units, and the fused training step subtracts {@code
 * in_k·η·δ} from the column the same way: every array in those loops is indexed by the same
 * variable, which is what HotSpot's auto-vectorizer needs (a dot product over a row is a
 * reduction it does not vectorize). The flat {@code Parameters} view keeps the layout order.
 * Layers of at most {@link Schedule#FEW_UNITS} units write that loop out instead, their values in locals.
 *
 * <p>The formulas are the gate rules written per layer: the add gate distributes δ to the bias,
 * the multiply gate switches (∂E/∂w_jk = δ_j·in_k and ∂E/∂in_k = Σ_j δ_j·w_jk), an activation
 * multiplies by its derivative.
 *
 * <p>The same code is written for {@code double} and {@code float} models: {@link Numeric} gives the
 * array and scalar types, the view ({@code Parameters} or {@code FloatParameters}), the literals
 * ({@code 0.0f}) and the {@code (float)} cast around {@code Math} calls that return {@code double}.
 * Float loops compute in float (unlike float straight-line code, which holds its intermediate
 * values in double): their loops over the units vectorize with twice as many lanes.
 */
final class LoopEmitter {
  private final LoopContext c;
  private final LoopLayers layerCode;
  private final LoopBatch batchCode;
  private final LoopLoss lossCode;

  LoopEmitter(NetworkSpec spec, LoopPlan plan, Schedule schedule, Numeric numeric) {
    this.c = new LoopContext(spec, plan, schedule, numeric);
    this.layerCode = new LoopLayers(c);
    this.batchCode = new LoopBatch(c);
    this.lossCode = new LoopLoss(c);
  }

  /**
   * The parameters stored by column: the {@code Parameters} view, and per layer the live columns
   * ({@code <layer>_w}) and biases ({@code <layer>_b}) the code reads; the two constructors and
   * {@code parameters()}.
   */
  static void addStorage(TypeSpec.Builder type, NetworkSpec spec, Numeric numeric) {
    List<DenseLayout> layers = spec.layout().layers();
    ClassName view = numeric.parametersClass();
    type.addField(FieldSpec.builder(view, "parameters", Modifier.PRIVATE, Modifier.FINAL).build());
    MethodSpec.Builder zero = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A model with every parameter 0; set them through {@link #parameters()}.\n")
        .addStatement("this.parameters = $T.byColumn(LAYOUT)", view);
    for (int i = 0; i < layers.size(); i++) {
      DenseLayout l = layers.get(i);
      type.addField(FieldSpec.builder(numeric.matrixTypeName(), LoopContext.weights(l), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Layer '$L', column by column: {@code $L[k][j]} is w[j][k], from input k to unit j.\n",
              l.name(), LoopContext.weights(l))
          .build());
      zero.addStatement("this.$N = parameters.columns($L)", LoopContext.weights(l), i);
      if (l.bias() != Bias.NONE) {
        type.addField(FieldSpec.builder(numeric.arrayTypeName(), LoopContext.biases(l), Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("$L of layer '$L'.\n", l.bias() == Bias.SHARED ? "The shared bias" : "Biases", l.name())
            .build());
        zero.addStatement("this.$N = parameters.biases($L)", LoopContext.biases(l), i);
      }
    }
    type.addMethod(zero.build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A model with a copy of {@code parameters}, in the layout above.\n\n")
            .addJavadoc("@throws IllegalArgumentException unless it has {@link #PARAMETERS} elements\n")
            .addParameter(numeric.arrayTypeName(), "parameters")
            .addStatement("this()")
            .addStatement("checkLength($S, parameters, PARAMETERS)", "parameters")
            .addStatement("this.parameters.copyFrom(parameters)")
            .build())
        .addMethod(MethodSpec.methodBuilder("parameters")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(view)
            .addStatement("return parameters")
            .build());
  }

  private static final ClassName SCRATCH_POOL = ClassName.get(ScratchPool.class);

  /** Adds the scratch arrays, the per-layer methods and predict, loss and gradient to {@code type}. */
  void addTo(TypeSpec.Builder type, CodeBlock checksPredict, CodeBlock checksLoss, CodeBlock checksGradient) {
    type.addType(scratch());
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(SCRATCH_POOL, LoopContext.SCRATCH), "SCRATCH",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The intermediate values of the calls running at once, each call taking one and giving it back:\n"
            + "calls allocate nothing, on platform and virtual threads alike.\n")
        .initializer("new $T<>(Scratch::new)", SCRATCH_POOL)
        .build());
    type.addMethod(MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(c.array, "x")
        .addParameter(c.array, "y")
        .addCode(checksPredict)
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("forward(x, s)")
        .addStatement("$T o = s.$N", c.array, c.output())
        .beginControlFlow("for (int j = 0; j < OUTPUTS; j++)")
        .addStatement("y[j] = o[j]")
        .endControlFlow()
        .addStatement("SCRATCH.give(s)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("loss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(c.scalar)
        .addParameter(c.array, "x")
        .addParameter(c.array, "t")
        .addCode(checksLoss)
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("forward(x, s)")
        .addStatement("$T E = lossOf(s, t)", c.scalar)
        .addStatement("SCRATCH.give(s)")
        .addStatement("return E")
        .build());
    MethodSpec.Builder gradient = MethodSpec.methodBuilder("gradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(c.scalar)
        .addParameter(c.array, "x")
        .addParameter(c.array, "t")
        .addParameter(c.array, "grad")
        .addCode(checksGradient)
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("forward(x, s)")
        .addStatement("$T E = lossOf(s, t)", c.scalar)
        .addComment("backward pass: δ = ∂E/∂z of each layer, from the loss back to the first layer")
        .addStatement("outputDelta(s, t)");
    for (int i = c.layers.size() - 1; i >= 0; i--) {
      gradient.addStatement("$N($L, s, grad)", LoopContext.backwardName(i), i == 0 ? "x" : LoopContext.weights(c.layers.get(i)) + ", s." + c.out(i - 1));
    }
    type.addMethod(gradient.addStatement("SCRATCH.give(s)").addStatement("return E").build());

    MethodSpec.Builder forward = MethodSpec.methodBuilder("forward")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(c.array, "x")
        .addParameter(LoopContext.SCRATCH, "s");
    for (int i = 0; i < c.layers.size(); i++) {
      forward.addStatement("$N($L, $L, s)", LoopContext.forwardName(i), LoopContext.layerFields(c.layers.get(i)), i == 0 ? "x" : "s." + c.out(i - 1));
      type.addMethod(c.schedule.unitsInLocals(i) ? layerCode.layerForwardInLocals(i) : layerCode.layerForward(i));
    }
    type.addMethod(forward.build());
    type.addMethod(lossCode.lossOf());
    type.addMethod(lossCode.outputDelta());
    for (int i = c.layers.size() - 1; i >= 0; i--) {
      type.addMethod(
          c.schedule.unitsInLocals(i) ? layerCode.layerBackwardInLocals(i, false) : layerCode.layerBackward(i, false));
      type.addMethod(
          c.schedule.unitsInLocals(i) ? layerCode.layerBackwardInLocals(i, true) : layerCode.layerBackward(i, true));
    }

    MethodSpec.Builder step = MethodSpec.methodBuilder("trainStep")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Forward, backward and the delta rule fused: each layer's weights are updated right after\n"
            + "they have carried δ down to the layer below; allocates nothing.\n")
        .returns(c.scalar)
        .addParameter(c.array, "x")
        .addParameter(c.array, "t")
        .addParameter(c.scalar, "learningRate")
        .addCode(checksLoss)
        .addCode(ModelEmitter.learningRateCheck(c.numeric))
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("forward(x, s)")
        .addStatement("$T E = lossOf(s, t)", c.scalar)
        .addStatement("outputDelta(s, t)");
    for (int i = c.layers.size() - 1; i >= 0; i--) {
      step.addStatement("$N($L, $L, s, learningRate)", LoopContext.descendName(i), LoopContext.layerFields(c.layers.get(i)),
          i == 0 ? "x" : "s." + c.out(i - 1));
    }
    type.addMethod(step.addStatement("SCRATCH.give(s)").addStatement("return E").build());
    addBatchMethods(type);
  }

  private void addBatchMethods(TypeSpec.Builder type) {
    type.addType(batchCode.batchScratch());
    type.addMethod(ModelEmitter.batchPredict(c.numeric)
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("Batch b = batch(s)")
        .beginControlFlow("for (int from = 0; from < count; from += Batch.ROWS)")
        .addStatement("int m = Math.min(Batch.ROWS, count - from)")
        .addStatement("batchInputs(xs, xOffset + from * INPUTS, b, m)")
        .addStatement("batchForward(b, m)")
        .addStatement("$T o = b.$N", c.matrix, c.output())
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .beginControlFlow("for (int j = 0; j < OUTPUTS; j++)")
        .addStatement("ys[yOffset + (from + n) * OUTPUTS + j] = o[j][n]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("SCRATCH.give(s)")
        .build());
    type.addMethod(ModelEmitter.batchGradient(c.numeric)
        .addStatement("Scratch s = SCRATCH.take()")
        .addStatement("$T loss = gradientRows(xs, xOffset, ts, tOffset, count, grad, s)", c.scalar)
        .addStatement("SCRATCH.give(s)")
        .addStatement("return loss")
        .build());
    MethodSpec.Builder rows = MethodSpec.methodBuilder("gradientRows")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Sums the rows' gradients into {@code grad} and returns the sum of their losses, $L rows at a\n"
            + "time held as [unit][row], so each weight is read once per chunk and the loops over the rows\n"
            + "index every array alike (HotSpot can vectorize them).\n", Schedule.BATCH_ROWS)
        .returns(c.scalar)
        .addParameter(c.array, "xs").addParameter(TypeName.INT, "xOffset")
        .addParameter(c.array, "ts").addParameter(TypeName.INT, "tOffset")
        .addParameter(TypeName.INT, "count")
        .addParameter(c.array, "grad")
        .addParameter(LoopContext.SCRATCH, "s")
        .addStatement("Batch b = batch(s)")
        .addStatement("$T loss = $L", c.scalar, c.zero())
        .beginControlFlow("for (int from = 0; from < count; from += Batch.ROWS)")
        .addStatement("int m = Math.min(Batch.ROWS, count - from)")
        .addStatement("batchInputs(xs, xOffset + from * INPUTS, b, m)")
        .addStatement("batchForward(b, m)")
        .addStatement("loss += batchLossAndDelta(b, ts, tOffset + from * OUTPUTS, m)");
    for (int i = c.layers.size() - 1; i >= 0; i--) {
      rows.addStatement("batchBackwardLayer$L($L$L, b, m, grad)", i, i == 0 ? "" : LoopContext.weights(c.layers.get(i)) + ", ",
          i == 0 ? "b.x" : "b." + c.out(i - 1));
    }
    type.addMethod(rows.endControlFlow().addStatement("return loss").build());
    batchCode.addBatchPasses(type);
    type.addMethod(ModelEmitter.batchTrainStep(c.numeric,
        "Mini-batch gradient descent: the mean gradient of the rows, then the delta rule. Each scratch\n"
            + "object keeps one gradient array for it, made on its first step.\n",
        CodeBlock.builder()
            .addStatement("Scratch s = SCRATCH.take()")
            .beginControlFlow("if (s.batchGradient == null)")
            .addStatement("s.batchGradient = new $L[PARAMETERS]", c.numeric.type())
            .endControlFlow()
            .addStatement("$T g = s.batchGradient", c.array)
            .build(),
        CodeBlock.of("$T loss = gradientRows(xs, xOffset, ts, tOffset, count, g, s);\n", c.scalar),
        CodeBlock.of("descend(g, scale);\nSCRATCH.give(s);\n")));
    type.addMethod(descend(type));
  }

  /**
   * Layers whose updates one method applies: about 70 bytes of bytecode each, so a chunk stays far
   * under the JIT limit however deep the network.
   */
  private static final int LAYERS_PER_DESCEND = 64;

  /** θ ← θ − scale·g for a flat gradient g, written into the columns and biases. */
  private MethodSpec descend(TypeSpec.Builder type) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("descend")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("θ ← θ − scale·g for the flat gradient g, column by column.\n")
        .addParameter(c.array, "g")
        .addParameter(c.scalar, "scale");
    if (c.layers.size() <= LAYERS_PER_DESCEND) {
      addUpdates(m, 0, c.layers.size());
      return m.build();
    }
    for (int from = 0; from < c.layers.size(); from += LAYERS_PER_DESCEND) {
      int to = Math.min(c.layers.size(), from + LAYERS_PER_DESCEND);
      String part = "descendLayers" + from + "To" + (to - 1);
      MethodSpec.Builder chunk = MethodSpec.methodBuilder(part)
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("{@link #descend} for layers $L to $L.\n", from, to - 1)
          .addParameter(c.array, "g")
          .addParameter(c.scalar, "scale");
      addUpdates(chunk, from, to);
      type.addMethod(chunk.build());
      m.addStatement("$N(g, scale)", part);
    }
    return m.build();
  }

  /** The updates of layers {@code from} to {@code to − 1}. */
  private void addUpdates(MethodSpec.Builder m, int from, int to) {
    for (DenseLayout l : c.layers.subList(from, to)) {
      m.addCode(LoopContext.open("k", 0, l.inputs()))
          .addStatement("$T column = $N[k]", c.array, LoopContext.weights(l))
          .addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("column[j] -= scale * g[$L + k]", LoopContext.rowStart(l))
          .endControlFlow()
          .endControlFlow();
      switch (l.bias()) {
        case PER_NEURON -> m.addCode(LoopContext.open("j", 0, l.units()))
            .addStatement("$N[j] -= scale * g[$L + j]", LoopContext.biases(l), l.firstBias())
            .endControlFlow();
        case SHARED -> m.addStatement("$N[0] -= scale * g[$L]", LoopContext.biases(l), l.firstBias());
        case NONE -> {}
      }
    }
  }

  private TypeSpec scratch() {
    TypeSpec.Builder scratch = TypeSpec.classBuilder("Scratch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The intermediate values of one forward and backward pass, per layer.\n")
        .addField(FieldSpec.builder(c.array, "batchGradient", Modifier.PRIVATE)
            .addJavadoc("the summed gradient of a mini-batch step, made on the first one\n")
            .build())
        .addField(FieldSpec.builder(ClassName.get("", "Batch"), "batch", Modifier.PRIVATE)
            .addJavadoc("the batch forms' values, made on the first batch call\n")
            .build());
    for (int i = 0; i < c.layers.size(); i++) {
      DenseLayout layer = c.layers.get(i);
      int u = layer.units();
      scratch.addField(scratchArray(layer.name() + "_z", u, "z = W·in + b"));
      if (layer.activation() != Activation.IDENTITY) {
        scratch.addField(scratchArray(layer.name() + "_a", u, "a = f(z)"));
      }
      if (layer.activation() == Activation.SOFTMAX) {
        scratch.addField(FieldSpec.builder(c.scalar, layer.name() + "_max")
            .addJavadoc("max z, kept from the softmax for the cross-entropy\n").build());
        scratch.addField(FieldSpec.builder(c.scalar, layer.name() + "_logSum")
            .addJavadoc("ln Σ e^(z − max z), kept from the softmax for the cross-entropy\n").build());
      }
      scratch.addField(scratchArray("dE_" + layer.name() + "_z", u, "δ = ∂E/∂z"));
      scratch.addField(scratchArray("dE_" + layer.name() + "_a", u, "∂E/∂a"));
      if (!c.schedule.unitsInLocals(i)) {
        scratch.addField(scratchArray(layer.name() + "_step", u, "η·δ: the training step moves column k by −in_k times this"));
      }
    }
    return scratch.build();
  }

  private FieldSpec scratchArray(String name, int length, String doc) {
    return FieldSpec.builder(c.array, name, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer("new $L[$L]", c.numeric.type(), length)
        .build();
  }
}
