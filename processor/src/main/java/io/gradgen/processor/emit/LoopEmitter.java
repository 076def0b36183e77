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
import io.gradgen.Loss;
import io.gradgen.NetworkLayout;
import io.gradgen.processor.lower.ElementCall;
import io.gradgen.processor.lower.ElementCall.Operand;
import io.gradgen.processor.lower.LoopPlan;
import io.gradgen.processor.model.NetworkSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Writes the loop form of a model: one small method per layer and pass, constant-bound loops,
 * intermediate values in scratch arrays held per thread. Any size; every method stays far below
 * HotSpot's 8,000-byte JIT limit.
 *
 * <p>Each layer's weights are stored column by column ({@code Parameters.byColumn}): {@code
 * <layer>_w[k]} holds the weights from input k to every unit. The forward pass then adds {@code
 * in_k·column} to z with one loop over the units, and the fused training step subtracts {@code
 * in_k·η·δ} from the column the same way: every array in those loops is indexed by the same
 * variable, which is what HotSpot's auto-vectorizer needs (a dot product over a row is a
 * reduction it does not vectorize). The flat {@code Parameters} view keeps the layout order.
 * Layers of at most {@link #FEW_UNITS} units write that loop out instead, their values in locals.
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
  private static final ClassName SCRATCH = ClassName.get("", "Scratch");

  private final NetworkSpec spec;
  private final NetworkLayout layout;
  private final List<DenseLayout> layers;
  /** The model's precision: every array, scalar, literal and {@code Math} call below is written in it. */
  private final Numeric numeric;
  /** {@code double[]} or {@code float[]}. */
  private final TypeName array;
  /** {@code double[][]} or {@code float[][]}: a layer's columns, a batch's [unit][row] values. */
  private final TypeName matrix;
  /** {@code double} or {@code float}. */
  private final TypeName scalar;

  /** What every element-wise formula is: read off the differentiated graph. */
  private final LoopPlan plan;

  LoopEmitter(NetworkSpec spec, LoopPlan plan, Numeric numeric) {
    this.spec = spec;
    this.plan = plan;
    this.layout = spec.layout();
    this.layers = layout.layers();
    this.numeric = numeric;
    this.array = numeric.arrayTypeName();
    this.matrix = numeric.matrixTypeName();
    this.scalar = numeric.typeName();
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
      type.addField(FieldSpec.builder(numeric.matrixTypeName(), weights(l), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Layer '$L', column by column: {@code $L[k][j]} is w[j][k], from input k to unit j.\n",
              l.name(), weights(l))
          .build());
      zero.addStatement("this.$N = parameters.columns($L)", weights(l), i);
      if (l.bias() != Bias.NONE) {
        type.addField(FieldSpec.builder(numeric.arrayTypeName(), biases(l), Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("$L of layer '$L'.\n", l.bias() == Bias.SHARED ? "The shared bias" : "Biases", l.name())
            .build());
        zero.addStatement("this.$N = parameters.biases($L)", biases(l), i);
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

  private static String weights(DenseLayout l) {
    return l.name() + "_w";
  }

  private static String biases(DenseLayout l) {
    return l.name() + "_b";
  }

  /** The fields a layer's forward or descend method takes: its columns, then its biases if any. */
  private static String layerFields(DenseLayout l) {
    return l.bias() == Bias.NONE ? weights(l) : weights(l) + ", " + biases(l);
  }

  /** Declares the parameters {@code w} and, if the layer has a bias, {@code biases}. */
  private void layerParameters(MethodSpec.Builder m, DenseLayout l) {
    m.addParameter(matrix, "w");
    if (l.bias() != Bias.NONE) {
      m.addParameter(array, "biases");
    }
  }

  /** Adds the scratch arrays, the per-layer methods and predict, loss and gradient to {@code type}. */
  void addTo(TypeSpec.Builder type, CodeBlock checksPredict, CodeBlock checksLoss, CodeBlock checksGradient) {
    type.addType(scratch());
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), SCRATCH), "SCRATCH",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Each thread's intermediate values: allocated once per thread, so calls allocate nothing.\n")
        .initializer("$T.withInitial(Scratch::new)", ThreadLocal.class)
        .build());
    type.addMethod(MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(array, "x")
        .addParameter(array, "y")
        .addCode(checksPredict)
        .addStatement("Scratch s = SCRATCH.get()")
        .addStatement("forward(x, s)")
        .addStatement("$T o = s.$N", array, output())
        .beginControlFlow("for (int j = 0; j < OUTPUTS; j++)")
        .addStatement("y[j] = o[j]")
        .endControlFlow()
        .build());
    type.addMethod(MethodSpec.methodBuilder("loss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(scalar)
        .addParameter(array, "x")
        .addParameter(array, "t")
        .addCode(checksLoss)
        .addStatement("Scratch s = SCRATCH.get()")
        .addStatement("forward(x, s)")
        .addStatement("return lossOf(s, t)")
        .build());
    MethodSpec.Builder gradient = MethodSpec.methodBuilder("gradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(scalar)
        .addParameter(array, "x")
        .addParameter(array, "t")
        .addParameter(array, "grad")
        .addCode(checksGradient)
        .addStatement("Scratch s = SCRATCH.get()")
        .addStatement("forward(x, s)")
        .addStatement("$T E = lossOf(s, t)", scalar)
        .addComment("backward pass: δ = ∂E/∂z of each layer, from the loss back to the first layer")
        .addStatement("outputDelta(s, t)");
    for (int i = layers.size() - 1; i >= 0; i--) {
      gradient.addStatement("$N($L, s, grad)", backwardName(i), i == 0 ? "x" : weights(layers.get(i)) + ", s." + out(i - 1));
    }
    type.addMethod(gradient.addStatement("return E").build());

    MethodSpec.Builder forward = MethodSpec.methodBuilder("forward")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(array, "x")
        .addParameter(SCRATCH, "s");
    for (int i = 0; i < layers.size(); i++) {
      forward.addStatement("$N($L, $L, s)", forwardName(i), layerFields(layers.get(i)), i == 0 ? "x" : "s." + out(i - 1));
      type.addMethod(fewUnits(layers.get(i)) ? layerForwardInLocals(i) : layerForward(i));
    }
    type.addMethod(forward.build());
    type.addMethod(lossOf());
    type.addMethod(outputDelta());
    for (int i = layers.size() - 1; i >= 0; i--) {
      type.addMethod(fewUnits(layers.get(i)) ? layerBackwardInLocals(i, false) : layerBackward(i, false));
      type.addMethod(fewUnits(layers.get(i)) ? layerBackwardInLocals(i, true) : layerBackward(i, true));
    }

    MethodSpec.Builder step = MethodSpec.methodBuilder("trainStep")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Forward, backward and the delta rule fused: each layer's weights are updated right after\n"
            + "they have carried δ down to the layer below; allocates nothing.\n")
        .returns(scalar)
        .addParameter(array, "x")
        .addParameter(array, "t")
        .addParameter(scalar, "learningRate")
        .addCode(checksLoss)
        .addStatement("Scratch s = SCRATCH.get()")
        .addStatement("forward(x, s)")
        .addStatement("$T E = lossOf(s, t)", scalar)
        .addStatement("outputDelta(s, t)");
    for (int i = layers.size() - 1; i >= 0; i--) {
      step.addStatement("$N($L, $L, s, learningRate)", descendName(i), layerFields(layers.get(i)),
          i == 0 ? "x" : "s." + out(i - 1));
    }
    type.addMethod(step.addStatement("return E").build());
    addBatchMethods(type);
  }

  private void addBatchMethods(TypeSpec.Builder type) {
    type.addType(batchScratch());
    type.addMethod(ModelEmitter.batchPredict(numeric)
        .addStatement("Batch b = batch(SCRATCH.get())")
        .beginControlFlow("for (int from = 0; from < count; from += Batch.ROWS)")
        .addStatement("int m = Math.min(Batch.ROWS, count - from)")
        .addStatement("batchInputs(xs, xOffset + from * INPUTS, b, m)")
        .addStatement("batchForward(b, m)")
        .addStatement("$T o = b.$N", matrix, output())
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .beginControlFlow("for (int j = 0; j < OUTPUTS; j++)")
        .addStatement("ys[yOffset + (from + n) * OUTPUTS + j] = o[j][n]")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build());
    type.addMethod(ModelEmitter.batchGradient(numeric)
        .addStatement("return gradientRows(xs, xOffset, ts, tOffset, count, grad, SCRATCH.get())")
        .build());
    MethodSpec.Builder rows = MethodSpec.methodBuilder("gradientRows")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Sums the rows' gradients into {@code grad} and returns the sum of their losses, $L rows at a\n"
            + "time held as [unit][row], so each weight is read once per chunk and the loops over the rows\n"
            + "index every array alike (HotSpot can vectorize them).\n", BATCH_ROWS)
        .returns(scalar)
        .addParameter(array, "xs").addParameter(TypeName.INT, "xOffset")
        .addParameter(array, "ts").addParameter(TypeName.INT, "tOffset")
        .addParameter(TypeName.INT, "count")
        .addParameter(array, "grad")
        .addParameter(SCRATCH, "s")
        .addStatement("Batch b = batch(s)")
        .addStatement("$T loss = $L", scalar, zero())
        .beginControlFlow("for (int from = 0; from < count; from += Batch.ROWS)")
        .addStatement("int m = Math.min(Batch.ROWS, count - from)")
        .addStatement("batchInputs(xs, xOffset + from * INPUTS, b, m)")
        .addStatement("batchForward(b, m)")
        .addStatement("loss += batchLossAndDelta(b, ts, tOffset + from * OUTPUTS, m)");
    for (int i = layers.size() - 1; i >= 0; i--) {
      rows.addStatement("batchBackwardLayer$L($L$L, b, m, grad)", i, i == 0 ? "" : weights(layers.get(i)) + ", ",
          i == 0 ? "b.x" : "b." + out(i - 1));
    }
    type.addMethod(rows.endControlFlow().addStatement("return loss").build());
    addBatchPasses(type);
    type.addMethod(ModelEmitter.batchTrainStep(numeric,
        "Mini-batch gradient descent: the mean gradient of the rows, then the delta rule. Each thread\n"
            + "keeps one gradient array for it, made on its first step.\n",
        CodeBlock.builder()
            .addStatement("Scratch s = SCRATCH.get()")
            .beginControlFlow("if (s.batchGradient == null)")
            .addStatement("s.batchGradient = new $L[PARAMETERS]", numeric.type())
            .endControlFlow()
            .addStatement("$T g = s.batchGradient", array)
            .build(),
        CodeBlock.of("$T loss = gradientRows(xs, xOffset, ts, tOffset, count, g, s);\n", scalar),
        CodeBlock.of("descend(g, scale);\n")));
    type.addMethod(descend());
  }

  /** θ ← θ − scale·g for a flat gradient g, written into the columns and biases. */
  private MethodSpec descend() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("descend")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("θ ← θ − scale·g for the flat gradient g, column by column.\n")
        .addParameter(array, "g")
        .addParameter(scalar, "scale");
    for (DenseLayout l : layers) {
      m.beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
          .addStatement("$T column = $N[k]", array, weights(l))
          .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
          .addStatement("column[j] -= scale * g[$L + k]", rowStart(l))
          .endControlFlow()
          .endControlFlow();
      switch (l.bias()) {
        case PER_NEURON -> m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
            .addStatement("$N[j] -= scale * g[$L + j]", biases(l), l.firstBias())
            .endControlFlow();
        case SHARED -> m.addStatement("$N[0] -= scale * g[$L]", biases(l), l.firstBias());
        case NONE -> {}
      }
    }
    return m.build();
  }

  /** Rows of a batch processed together: the batch scratch holds this many per unit. */
  static final int BATCH_ROWS = 64;

  private TypeSpec batchScratch() {
    TypeSpec.Builder batch = TypeSpec.classBuilder("Batch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Up to $L rows of a batch, held as [unit][row] so that loops over the rows read every array\n"
            + "at the same index.\n", BATCH_ROWS)
        .addField(FieldSpec.builder(TypeName.INT, "ROWS", Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", BATCH_ROWS).build())
        .addField(batchMatrix("x", layout.inputs()))
        .addField(batchRows("x_rows", layout.inputs()))
        .addField(FieldSpec.builder(array, "gradientRow", Modifier.FINAL)
            .addJavadoc("one row of weight gradients, summed over the rows before it is added to grad\n")
            .initializer("new $L[$L]", numeric.type(), layers.stream().mapToInt(DenseLayout::inputs).max().orElse(1))
            .build());
    for (int i = 0; i + 1 < layers.size(); i++) {
      batch.addField(batchRows(out(i) + "_rows", layers.get(i).units()));
    }
    for (DenseLayout layer : layers) {
      batch.addField(batchMatrix(layer.name() + "_z", layer.units()));
      if (layer.activation() != Activation.IDENTITY) {
        batch.addField(batchMatrix(layer.name() + "_a", layer.units()));
      }
      if (layer.activation() == Activation.SOFTMAX) {
        batch.addField(FieldSpec.builder(array, layer.name() + "_logSumExp", Modifier.FINAL)
            .initializer("new $L[ROWS]", numeric.type()).build());
      }
      batch.addField(batchMatrix("dE_" + layer.name() + "_z", layer.units()));
      batch.addField(batchMatrix("dE_" + layer.name() + "_a", layer.units()));
    }
    return batch.build();
  }

  /** A [row][unit] copy, so that weight gradients sum over rows with the units as the loop index. */
  private FieldSpec batchRows(String name, int units) {
    return FieldSpec.builder(matrix, name, Modifier.FINAL)
        .initializer("new $L[ROWS][$L]", numeric.type(), units)
        .build();
  }

  private FieldSpec batchMatrix(String name, int units) {
    return FieldSpec.builder(matrix, name, Modifier.FINAL)
        .initializer("new $L[$L][ROWS]", numeric.type(), units)
        .build();
  }

  /** The batch forward pass and its per-layer methods, the loss with the output δ, and the backward layers. */
  private void addBatchPasses(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("batch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ClassName.get("", "Batch"))
        .addParameter(SCRATCH, "s")
        .beginControlFlow("if (s.batch == null)")
        .addStatement("s.batch = new Batch()")
        .endControlFlow()
        .addStatement("return s.batch")
        .build());
    type.addMethod(MethodSpec.methodBuilder("batchInputs")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Copies m rows of inputs into the batch, transposed to [input][row].\n")
        .addParameter(array, "xs").addParameter(TypeName.INT, "offset")
        .addParameter(ClassName.get("", "Batch"), "b").addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("int row = offset + n * INPUTS")
        .addStatement("$T copy = b.x_rows[n]", array)
        .beginControlFlow("for (int k = 0; k < INPUTS; k++)")
        .addStatement("copy[k] = xs[row + k]")
        .addStatement("b.x[k][n] = copy[k]")
        .endControlFlow()
        .endControlFlow()
        .build());
    MethodSpec.Builder forward = MethodSpec.methodBuilder("batchForward")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(ClassName.get("", "Batch"), "b")
        .addParameter(TypeName.INT, "m");
    for (int i = 0; i < layers.size(); i++) {
      forward.addStatement("batchForwardLayer$L($L, $L, b, m)", i, layerFields(layers.get(i)), i == 0 ? "b.x" : "b." + out(i - 1));
      type.addMethod(batchForwardLayer(i));
    }
    type.addMethod(forward.build());
    type.addMethod(batchLossAndDelta());
    for (int i = layers.size() - 1; i >= 0; i--) {
      type.addMethod(batchBackwardLayer(i));
    }
  }

  private MethodSpec batchForwardLayer(int i) {
    DenseLayout l = layers.get(i);
    ClassName batch = ClassName.get("", "Batch");
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchForwardLayer" + i)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' for m rows: each weight is read once and applied to every row.\n", l.name());
    layerParameters(m, l);
    m.addParameter(matrix, "in")
        .addParameter(batch, "b")
        .addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
        .addStatement("$T z = b.$N[j]", array, l.name() + "_z")
        .addStatement("$T bias = $L", scalar, biasOf(l, "j"))
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("z[n] = bias")
        .endControlFlow();
    int blocked = l.inputs() / COLUMNS_PER_PASS * COLUMNS_PER_PASS;
    if (blocked > 0) {
      m.addComment("$L inputs per pass over the rows, as in the single-sample forward pass", COLUMNS_PER_PASS)
          .beginControlFlow("for (int k = 0; k < $L; k += $L)", blocked, COLUMNS_PER_PASS);
      for (int c = 0; c < COLUMNS_PER_PASS; c++) {
        m.addStatement("$T w$L = w[$L][j]", scalar, c, plus("k", c))
            .addStatement("$T in$L = in[$L]", array, c, plus("k", c));
      }
      m.beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("z[n] += $L", passSum(c -> "w" + c + " * in" + c + "[n]"))
          .endControlFlow()
          .endControlFlow();
    }
    if (blocked < l.inputs()) {
      m.beginControlFlow("for (int k = $L; k < $L; k++)", blocked, l.inputs())
          .addStatement("$T weight = w[k][j]", scalar)
          .addStatement("$T column = in[k]", array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("z[n] += weight * column[n]")
          .endControlFlow()
          .endControlFlow();
    }
    plan.layers().get(i).activation().ifPresent(f -> {
      m.addStatement("$T a = b.$N[j]", array, l.name() + "_a")
          .beginControlFlow("for (int n = 0; n < m; n++)");
      element(f, Map.of(Operand.Z, "z[n]")).assign(m, "a[n]", "=");
      m.endControlFlow();
    });
    m.endControlFlow();
    if (plan.layers().get(i).softmax()) {
      m.addComment("softmax of each row, shifted by the row's largest logit")
          .addStatement("$T z = b.$N", matrix, l.name() + "_z")
          .addStatement("$T a = b.$N", matrix, l.name() + "_a")
          .beginControlFlow("for (int n = 0; n < m; n++)");
      addSoftmax(m, l, "[n]", "b." + l.name() + "_logSumExp[n]");
      m.endControlFlow();
    }
    return m.build();
  }

  /** Each row's loss, summed, and the output layer's δ for each row: the same calls as {@link #lossOf} and {@link #outputDelta}. */
  private MethodSpec batchLossAndDelta() {
    DenseLayout last = layers.get(layers.size() - 1);
    int units = last.units();
    String name = last.name();
    LoopPlan.LossPlan loss = plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchLossAndDelta")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(scalar)
        .addParameter(ClassName.get("", "Batch"), "b")
        .addParameter(array, "ts").addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T o = b.$N", matrix, output())
        .addStatement("$T z = b.$N", matrix, name + "_z")
        .addStatement("$T delta = b.$N", matrix, "dE_" + name + "_z")
        .addStatement("$T loss = $L", scalar, zero());
    boolean sumOfTerms = loss.kind() == LoopPlan.LossPlan.Kind.SUM_OF_TERMS;
    if (sumOfTerms && loss.delta().isPresent()) {
      m.addStatement("$T up = b.$N", matrix, "dE_" + name + "_a");
    }
    m.beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("int row = offset + n * OUTPUTS");
    Map<Operand, String> at = Map.of(Operand.OUT, "o[j][n]", Operand.TARGET, "t", Operand.Z, "z[j][n]",
        Operand.UP, "up[j][n]", Operand.DOT, "dot");
    switch (loss.kind()) {
      case SOFTMAX_CROSS_ENTROPY -> {
        m.addStatement("$T logSumExp = b.$N[n]", scalar, name + "_logSumExp")
            .beginControlFlow("for (int j = 0; j < $L; j++)", units)
            .addStatement("$T t = ts[row + j]", scalar)
            .addStatement("loss += t * (logSumExp - z[j][n])");
        element(loss.delta().orElseThrow(), at).assign(m, "delta[j][n]", "=");
        m.endControlFlow();
      }
      case SIGMOID_CROSS_ENTROPY -> {
        m.beginControlFlow("for (int j = 0; j < $L; j++)", units)
            .addStatement("$T t = ts[row + j]", scalar);
        Set<String> taken = new HashSet<>();
        element(loss.term().orElseThrow(), at, taken).assign(m, "loss", "+=");
        element(loss.delta().orElseThrow(), at, taken).assign(m, "delta[j][n]", "=");
        m.endControlFlow();
      }
      case SUM_OF_TERMS -> {
        String up = loss.delta().isPresent() ? "up[j][n]" : "delta[j][n]";
        m.addStatement("$T terms = $L", scalar, zero())
            .beginControlFlow("for (int j = 0; j < $L; j++)", units)
            .addStatement("$T t = ts[row + j]", scalar);
        Set<String> taken = new HashSet<>();
        element(loss.term().orElseThrow(), at, taken).assign(m, "terms", "+=");
        element(loss.up().orElseThrow(), at, taken).assign(m, up, "=");
        m.endControlFlow()
            .addStatement("loss += $L", scaled(loss.scale(), "terms"));
        loss.delta().ifPresent(gate -> {
          if (gate.reads(Operand.DOT)) {
            m.addStatement("$T dot = $L", scalar, zero())
                .beginControlFlow("for (int i = 0; i < $L; i++)", units)
                .addStatement("dot += up[i][n] * o[i][n]")
                .endControlFlow();
          }
          m.beginControlFlow("for (int j = 0; j < $L; j++)", units);
          if (gate.reads(Operand.TARGET)) {
            m.addStatement("$T t = ts[row + j]", scalar);
          }
          element(gate, at).assign(m, "delta[j][n]", "=");
          m.endControlFlow();
        });
      }
    }
    return m.endControlFlow().addStatement("return loss").build();
  }

  private MethodSpec batchBackwardLayer(int i) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchBackwardLayer" + i)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' for m rows: ∂E/∂w sums δ·in over the rows$L.\n", l.name(),
            i > 0 ? "; ∂E/∂in = Wᵀ·δ, row by row" : "");
    if (i > 0) {
      m.addParameter(matrix, "w");
    }
    m.addParameter(matrix, "in")
        .addParameter(ClassName.get("", "Batch"), "b")
        .addParameter(TypeName.INT, "m")
        .addParameter(array, "grad")
        .addStatement("$T delta = b.$N", matrix, "dE_" + l.name() + "_z");
    if (i > 0) {
      DenseLayout previous = layers.get(i - 1);
      m.addStatement("$T down = b.$N", matrix, "dE_" + previous.name() + "_a")
          .beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
          .addStatement("$T dk = down[k]", array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("dk[n] = $L", zero())
          .endControlFlow()
          .endControlFlow();
    }
    String inputRows = i == 0 ? "x_rows" : out(i - 1) + "_rows";
    if (i > 0) {
      m.addComment("the layer's inputs row by row, for the weight gradients")
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("$T copy = b.$N[n]", array, inputRows)
          .beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
          .addStatement("copy[k] = in[k][n]")
          .endControlFlow()
          .endControlFlow();
    }
    m.addStatement("$T g = b.gradientRow", array)
        .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
        .addStatement("$T d = delta[j]", array)
        .addStatement("int row = $L", rowStart(l))
        .addComment("∂E/∂w_jk = Σ_n δ_j[n]·in_k[n], accumulated row by row so the inner loop runs over k")
        .beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
        .addStatement("g[k] = $L", zero())
        .endControlFlow()
        .addComment("$L rows per pass over g: one load and one store of g[k] for $L multiply-adds", COLUMNS_PER_PASS, COLUMNS_PER_PASS)
        .addStatement("int blocked = m / $L * $L", COLUMNS_PER_PASS, COLUMNS_PER_PASS)
        .beginControlFlow("for (int n = 0; n < blocked; n += $L)", COLUMNS_PER_PASS);
    for (int c = 0; c < COLUMNS_PER_PASS; c++) {
      m.addStatement("$T d$L = d[$L]", scalar, c, plus("n", c))
          .addStatement("$T r$L = b.$N[$L]", array, c, inputRows, plus("n", c));
    }
    m.beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
        .addStatement("g[k] += $L", passSum(c -> "d" + c + " * r" + c + "[k]"))
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int n = blocked; n < m; n++)")
        .addStatement("$T dn = d[n]", scalar)
        .addStatement("$T r = b.$N[n]", array, inputRows)
        .beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
        .addStatement("g[k] += dn * r[k]")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
        .addStatement("grad[row + k] += g[k]");
    if (i > 0) {
      m.addStatement("$T weight = w[k][j]", scalar)
          .addStatement("$T dk = down[k]", array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("dk[n] += weight * d[n]")
          .endControlFlow();
    }
    m.endControlFlow();
    if (l.bias() != Bias.NONE) {
      m.addStatement("$T sum = $L", scalar, zero())
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("sum += d[n]")
          .endControlFlow()
          .addStatement("grad[$L] += sum", l.bias() == Bias.SHARED ? Integer.toString(l.firstBias()) : l.firstBias() + " + j");
    }
    m.endControlFlow();
    if (i > 0) {
      DenseLayout previous = layers.get(i - 1);
      Optional<ElementCall> gate = plan.layers().get(i - 1).gate();
      m.addComment("$L", gateComment(i - 1))
          .addStatement("$T below = b.$N", matrix, "dE_" + previous.name() + "_z");
      gate.ifPresent(g -> loadOperands(m, g, previous, "b", matrix));
      m.beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
          .beginControlFlow("for (int n = 0; n < m; n++)");
      if (gate.isPresent()) {
        element(gate.get(), Map.of(Operand.UP, "down[k][n]", Operand.Z, "z[k][n]", Operand.OUT, "a[k][n]"))
            .assign(m, "below[k][n]", "=");
      } else {
        m.addStatement("below[k][n] = down[k][n]");
      }
      m.endControlFlow()
          .endControlFlow();
    }
    return m.build();
  }

  private static String descendName(int i) {
    return "descendLayer" + i;
  }

  private TypeSpec scratch() {
    TypeSpec.Builder scratch = TypeSpec.classBuilder("Scratch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The intermediate values of one forward and backward pass, per layer.\n")
        .addField(FieldSpec.builder(array, "batchGradient", Modifier.PRIVATE)
            .addJavadoc("the summed gradient of a mini-batch step, made on the first one\n")
            .build())
        .addField(FieldSpec.builder(ClassName.get("", "Batch"), "batch", Modifier.PRIVATE)
            .addJavadoc("the batch forms' values, made on the first batch call\n")
            .build());
    for (DenseLayout layer : layers) {
      int u = layer.units();
      scratch.addField(scratchArray(layer.name() + "_z", u, "z = W·in + b"));
      if (layer.activation() != Activation.IDENTITY) {
        scratch.addField(scratchArray(layer.name() + "_a", u, "a = f(z)"));
      }
      if (layer.activation() == Activation.SOFTMAX) {
        scratch.addField(FieldSpec.builder(scalar, layer.name() + "_logSumExp")
            .addJavadoc("log Σ e^z, kept from the softmax for the cross-entropy\n").build());
      }
      scratch.addField(scratchArray("dE_" + layer.name() + "_z", u, "δ = ∂E/∂z"));
      scratch.addField(scratchArray("dE_" + layer.name() + "_a", u, "∂E/∂a"));
      if (!fewUnits(layer)) {
        scratch.addField(scratchArray(layer.name() + "_step", u, "η·δ: the training step moves column k by −in_k times this"));
      }
    }
    return scratch.build();
  }

  private FieldSpec scratchArray(String name, int length, String doc) {
    return FieldSpec.builder(array, name, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer("new $L[$L]", numeric.type(), length)
        .build();
  }

  /** The field holding layer {@code i}'s output: a, or z for an identity layer. */
  private String out(int i) {
    DenseLayout layer = layers.get(i);
    return layer.activation() == Activation.IDENTITY ? layer.name() + "_z" : layer.name() + "_a";
  }

  private String output() {
    return out(layers.size() - 1);
  }

  private static String forwardName(int i) {
    return "forwardLayer" + i;
  }

  private static String backwardName(int i) {
    return "backwardLayer" + i;
  }

  /**
   * z = b + Σ_k in_k·column_k, one loop over the units per {@link #COLUMNS_PER_PASS} inputs (so it
   * vectorizes and touches z once per pass), then a = f(z). Each z_j adds the products of a pass
   * among themselves first, so its rounding differs from the straight-line sum's in the last bits.
   */
  private MethodSpec layerForward(int i) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(forwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' ($L units): z = W·in + b$L, adding in_k times column k of W to z.\n",
            l.name(), l.units(), activationNote(i));
    layerParameters(m, l);
    m.addParameter(array, "in")
        .addParameter(SCRATCH, "s")
        .addStatement("$T z = s.$N", array, l.name() + "_z");
    if (l.activation() != Activation.IDENTITY) {
      m.addStatement("$T a = s.$N", array, l.name() + "_a");
    }
    m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
        .addStatement("z[j] = $L", biasOf(l, "j"))
        .endControlFlow();
    int blocked = l.inputs() / COLUMNS_PER_PASS * COLUMNS_PER_PASS;
    if (blocked > 0) {
      m.addComment("$L columns per pass over z: one load and one store of z[j] for $L multiply-adds",
              COLUMNS_PER_PASS, COLUMNS_PER_PASS)
          .beginControlFlow("for (int k = 0; k < $L; k += $L)", blocked, COLUMNS_PER_PASS);
      for (int c = 0; c < COLUMNS_PER_PASS; c++) {
        m.addStatement("$T c$L = w[$L]", array, c, plus("k", c))
            .addStatement("$T in$L = in[$L]", scalar, c, plus("k", c));
      }
      m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
          .addStatement("z[j] += $L", passSum(c -> "c" + c + "[j] * in" + c))
          .endControlFlow()
          .endControlFlow();
    }
    if (blocked < l.inputs()) {
      m.beginControlFlow("for (int k = $L; k < $L; k++)", blocked, l.inputs())
          .addStatement("$T column = w[k]", array)
          .addStatement("$T ink = in[k]", scalar)
          .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
          .addStatement("z[j] += column[j] * ink")
          .endControlFlow()
          .endControlFlow();
    }
    addActivation(m, i);
    return m.build();
  }

  /**
   * Columns a wide layer's forward pass adds to z at once: the loop over the units is bound by its
   * loads and stores of z, so each pass does this many multiply-adds per element of z.
   */
  static final int COLUMNS_PER_PASS = 4;

  /** {@code term(0) + term(1) + …}, one term per column (or row) of a pass. */
  private static String passSum(IntFunction<String> term) {
    return IntStream.range(0, COLUMNS_PER_PASS).mapToObj(term).collect(Collectors.joining(" + "));
  }

  /** {@code index + c}, or {@code index} itself for c = 0. */
  private static String plus(String index, int c) {
    return c == 0 ? index : index + " + " + c;
  }

  /**
   * Layers with at most this many units keep their sums, δ and η·δ in locals, one per unit, with
   * the loop over the units written out: a loop that short costs more in vector set-up and
   * remainder than it gains. Measured with {@code bench} on 64-32-10 (predict): its 10-unit output
   * layer in locals 424 ns against 481 ns as a vector loop; with the 32-unit hidden layer in locals
   * too (the limit at 32), 760 ns, because 32 sums no longer fit in the 16 vector registers.
   */
  static final int FEW_UNITS = 16;

  private static boolean fewUnits(DenseLayout l) {
    return l.units() <= FEW_UNITS;
  }

  /** a = f(z) over the layer's units, f the activation's element function, or the softmax of z. */
  private void addActivation(MethodSpec.Builder m, int i) {
    DenseLayout l = layers.get(i);
    plan.layers().get(i).activation().ifPresent(f -> {
      m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units());
      element(f, Map.of(Operand.Z, "z[j]")).assign(m, "a[j]", "=");
      m.endControlFlow();
    });
    if (plan.layers().get(i).softmax()) {
      m.addComment("softmax: e^(z − max z) / Σ e^(z − max z); subtracting the max keeps every exponent ≤ 0");
      addSoftmax(m, l, "", "s." + l.name() + "_logSumExp");
    }
  }

  /**
   * The softmax of {@code z} into {@code a}, shifted by the largest logit, and logsumexp(z) into
   * {@code logSumExp}, which the cross-entropy reuses. {@code row} follows every unit index: ""
   * for one sample, {@code [n]} for row n of a batch.
   */
  private void addSoftmax(MethodSpec.Builder m, DenseLayout l, String row, String logSumExp) {
    m.addStatement("$T max = z[0]$L", scalar, row)
        .beginControlFlow("for (int j = 1; j < $L; j++)", l.units())
        .addStatement("max = Math.max(max, z[j]$L)", row)
        .endControlFlow()
        .addStatement("$T total = $L", scalar, zero())
        .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
        .addStatement("a[j]$L = $L", row, numeric.math("Math.exp(z[j]" + row + " - max)"))
        .addStatement("total += a[j]$L", row)
        .endControlFlow()
        .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
        .addStatement("a[j]$L /= total", row)
        .endControlFlow()
        .addStatement("$L = max + $L", logSumExp, numeric.math("Math.log(total)"));
  }

  /**
   * {@link #layerForward} for a layer of few units: z_j accumulates in the local {@code zj} through
   * the loop over the inputs, so the loop body is one multiply-add per unit and no stores. Each z_j
   * sums b_j, w_j0·in_0, w_j1·in_1, … in the same order.
   */
  private MethodSpec layerForwardInLocals(int i) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(forwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' ($L units): z = W·in + b$L, adding in_k times column k of W to z, whose $L\n"
            + "elements stay in locals.\n", l.name(), l.units(), activationNote(i), l.units());
    layerParameters(m, l);
    m.addParameter(array, "in")
        .addParameter(SCRATCH, "s")
        .addStatement("$T z = s.$N", array, l.name() + "_z");
    if (l.activation() != Activation.IDENTITY) {
      m.addStatement("$T a = s.$N", array, l.name() + "_a");
    }
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("$T z$L = $L", scalar, j, biasOf(l, Integer.toString(j)));
    }
    m.beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs())
        .addStatement("$T column = w[k]", array)
        .addStatement("$T ink = in[k]", scalar);
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

  /** Where neuron j's row of weights starts: {@code firstWeight + j·inputs}. */
  private static String rowStart(DenseLayout l) {
    return (l.firstWeight() == 0 ? "" : l.firstWeight() + " + ") + "j * " + l.inputs();
  }

  private String biasOf(DenseLayout l, String j) {
    return switch (l.bias()) {
      case PER_NEURON -> "biases[" + j + "]";
      case SHARED -> "biases[0]";
      case NONE -> zero();
    };
  }







  private String zero() {
    return numeric.literal(0.0);
  }

  private String one() {
    return numeric.literal(1.0);
  }

  /** ", a = f(z)" for the Javadoc of layer {@code i}'s forward method. */
  private String activationNote(int i) {
    LoopPlan.LayerPlan layer = plan.layers().get(i);
    if (layer.softmax()) {
      return ", a = softmax(z)";
    }
    return layer.activation().map(f -> ", a = " + f.function().name() + "(z)").orElse("");
  }

  /** The loss of the outputs in scratch against {@code t}: the loss node of the graph. */
  private MethodSpec lossOf() {
    DenseLayout last = layers.get(layers.size() - 1);
    LoopPlan.LossPlan loss = plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("lossOf")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(scalar)
        .addParameter(SCRATCH, "s")
        .addParameter(array, "t")
        .addStatement("$T o = s.$N", array, output())
        .addStatement("$T sum = $L", scalar, zero());
    if (loss.kind() != LoopPlan.LossPlan.Kind.SUM_OF_TERMS) {
      m.addStatement("$T z = s.$N", array, last.name() + "_z");
    }
    switch (loss.kind()) {
      case SUM_OF_TERMS -> {
        ElementCall term = loss.term().orElseThrow();
        m.addJavadoc("E = $LΣ $L over the outputs.\n", scaleNote(loss.scale()), term.function().formula());
        m.beginControlFlow("for (int j = 0; j < $L; j++)", last.units());
        element(term, Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]")).assign(m, "sum", "+=");
        m.endControlFlow();
        m.addStatement("return $L", scaled(loss.scale(), "sum"));
      }
      case SIGMOID_CROSS_ENTROPY -> {
        m.addJavadoc("E = −Σ[t·ln o + (1 − t)·ln(1 − o)], as Σ[max(z, 0) − z·t + ln(1 + e^−|z|)], finite for any z.\n")
            .beginControlFlow("for (int j = 0; j < $L; j++)", last.units());
        element(loss.term().orElseThrow(), Map.of(Operand.Z, "z[j]", Operand.TARGET, "t[j]")).assign(m, "sum", "+=");
        m.endControlFlow().addStatement("return sum");
      }
      case SOFTMAX_CROSS_ENTROPY -> m
          .addJavadoc("E = −Σ t·ln p, as Σ t·(logsumexp(z) − z), finite for any z; the softmax kept logsumexp(z).\n")
          .addStatement("$T logSumExp = s.$N", scalar, last.name() + "_logSumExp")
          .beginControlFlow("for (int j = 0; j < $L; j++)", last.units())
          .addStatement("sum += t[j] * (logSumExp - z[j])")
          .endControlFlow()
          .addStatement("return sum");
    }
    return m.build();
  }

  /** {@code scale * value}, or the value alone for a scale of 1. */
  private String scaled(double scale, String value) {
    return scale == 1.0 ? value : numeric.literal(scale) + " * " + value;
  }

  /** "½·" for a scale of 0.5, "c·" for another, "" for 1. */
  private static String scaleNote(double scale) {
    return scale == 1.0 ? "" : scale == 0.5 ? "½·" : scale + "·";
  }

  /**
   * δ of the output layer, as the graph's adjoints give it: ∂E/∂o from the loss term's gate, then
   * the activation's gate (the softmax gate, or o − t where a cross-entropy fuses with it).
   */
  private MethodSpec outputDelta() {
    DenseLayout last = layers.get(layers.size() - 1);
    int n = last.units();
    String name = last.name();
    LoopPlan.LossPlan loss = plan.loss();
    MethodSpec.Builder m = MethodSpec.methodBuilder("outputDelta")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(SCRATCH, "s")
        .addParameter(array, "t")
        .addStatement("$T o = s.$N", array, output())
        .addStatement("$T delta = s.$N", array, "dE_" + name + "_z");
    if (loss.up().isEmpty()) {
      ElementCall fused = loss.delta().orElseThrow();
      m.addJavadoc("$L + cross-entropy fuse: δ = o − t.\n",
          loss.kind() == LoopPlan.LossPlan.Kind.SIGMOID_CROSS_ENTROPY ? "Sigmoid" : "Softmax");
      if (fused.reads(Operand.Z)) {
        m.addStatement("$T z = s.$N", array, name + "_z");
      }
      m.beginControlFlow("for (int j = 0; j < $L; j++)", n);
      element(fused, Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]", Operand.Z, "z[j]")).assign(m, "delta[j]", "=");
      return m.endControlFlow().build();
    }
    String up = loss.delta().isPresent() ? "up" : "delta";
    m.addJavadoc("Loss gate: ∂E/∂o$L.\n", loss.delta().isPresent() ? "; then the gate of layer '" + name + "'s activation" : " is δ");
    if (loss.delta().isPresent()) {
      m.addStatement("$T up = s.$N", array, "dE_" + name + "_a");
    }
    m.beginControlFlow("for (int j = 0; j < $L; j++)", n);
    element(loss.up().orElseThrow(), Map.of(Operand.OUT, "o[j]", Operand.TARGET, "t[j]")).assign(m, up + "[j]", "=");
    m.endControlFlow();
    if (loss.delta().isEmpty()) {
      return m.build();
    }
    ElementCall gate = loss.delta().orElseThrow();
    if (gate.reads(Operand.Z)) {
      m.addStatement("$T z = s.$N", array, name + "_z");
    }
    if (gate.reads(Operand.DOT)) {
      m.addComment("softmax gate: δ_j = Σ_i up_i·p_i·(δ_ij − p_j) = p_j·(up_j − Σ_i up_i·p_i)")
          .addStatement("$T dot = $L", scalar, zero())
          .beginControlFlow("for (int i = 0; i < $L; i++)", n)
          .addStatement("dot += up[i] * o[i]")
          .endControlFlow();
    }
    m.beginControlFlow("for (int j = 0; j < $L; j++)", n);
    element(gate, Map.of(Operand.UP, "up[j]", Operand.Z, "z[j]", Operand.OUT, "o[j]", Operand.TARGET, "t[j]",
        Operand.DOT, "dot")).assign(m, "delta[j]", "=");
    return m.endControlFlow().build();
  }

  /**
   * Adds layer {@code i}'s weight and bias gradients and, below the first layer, passes δ down:
   * ∂E/∂w_jk = δ_j·in_k, ∂E/∂b = δ, ∂E/∂in_k = Σ_j δ_j·w_jk, then the previous activation's gate.
   * Fused with the delta rule ({@code descend}), δ goes down with the old weights, then each column
   * moves by −in_k·η·δ in a loop over the units that vectorizes.
   */
  private MethodSpec layerBackward(int i, boolean descend) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = backwardMethod(i, descend);
    if (descend) {
      m.addStatement("$T step = s.$N", array, l.name() + "_step")
          .beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
          .addStatement("step[j] = learningRate * delta[j]")
          .endControlFlow();
    }
    openInputLoop(m, i, descend);
    if (i > 0) {
      m.addStatement("$T sum = $L", scalar, zero());
    }
    // The first layer's fused step sends nothing down and adds no gradient: it needs no such loop.
    if (i > 0 || !descend) {
      m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units());
      if (i > 0) {
        m.addStatement("sum += delta[j] * column[j]");
      }
      if (!descend) {
        m.addStatement("grad[$L + k] += delta[j] * ink", rowStart(l));
      }
      m.endControlFlow();
    }
    if (i > 0) {
      m.addStatement("down[k] = sum");
    }
    if (descend) {
      m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units())
          .addStatement("column[j] -= step[j] * ink")
          .endControlFlow();
    }
    m.endControlFlow();
    if (l.bias() != Bias.NONE) {
      String element = l.bias() == Bias.SHARED ? "0" : "j";
      m.beginControlFlow("for (int j = 0; j < $L; j++)", l.units());
      if (descend) {
        m.addStatement("biases[$L] -= step[j]", element);
      } else {
        m.addStatement("grad[$L] += delta[j]", l.bias() == Bias.SHARED ? l.firstBias() : l.firstBias() + " + j");
      }
      m.endControlFlow();
    }
    if (i > 0) {
      addGate(m, i, l);
    }
    return m.build();
  }

  /** The previous layer's activation gate, from the graph: δ below from ∂E/∂a, z and a. */
  private void addGate(MethodSpec.Builder m, int i, DenseLayout l) {
    DenseLayout previous = layers.get(i - 1);
    Optional<ElementCall> gate = plan.layers().get(i - 1).gate();
    m.addComment("$L", gateComment(i - 1))
        .addStatement("$T below = s.$N", array, "dE_" + previous.name() + "_z");
    gate.ifPresent(g -> loadOperands(m, g, previous, "s", array));
    m.beginControlFlow("for (int k = 0; k < $L; k++)", l.inputs());
    if (gate.isPresent()) {
      element(gate.get(), Map.of(Operand.UP, "down[k]", Operand.Z, "z[k]", Operand.OUT, "a[k]")).assign(m, "below[k]", "=");
    } else {
      m.addStatement("below[k] = down[k]");
    }
    m.endControlFlow();
  }

  /** Which forward statement the gate of layer {@code i} differentiates. */
  private String gateComment(int i) {
    DenseLayout l = layers.get(i);
    return plan.layers().get(i).activation()
        .map(f -> "grad of " + l.name() + "_a = " + f.function().name() + "(" + l.name() + "_z): δ = ∂E/∂a · "
            + f.function().name() + "′(z)")
        .orElse("grad of " + l.name() + "_a = " + l.name() + "_z: δ = ∂E/∂a");
  }

  /** Declares {@code z} and {@code a} of {@code layer} (from {@code holder}) where {@code call} reads them. */
  private static void loadOperands(MethodSpec.Builder m, ElementCall call, DenseLayout layer, String holder, TypeName type) {
    if (call.reads(Operand.Z)) {
      m.addStatement("$T z = $L.$N", type, holder, layer.name() + "_z");
    }
    if (call.reads(Operand.OUT)) {
      m.addStatement("$T a = $L.$N", type, holder, layer.activation() == Activation.IDENTITY ? layer.name() + "_z" : layer.name() + "_a");
    }
  }

  /** {@code call} printed in this model's precision. */
  private ElementRenderer.Rendered element(ElementCall call, Map<Operand, String> operands) {
    return element(call, operands, new HashSet<>());
  }

  /** The same in a loop body that declares other calls' locals too: {@code taken} holds their names. */
  private ElementRenderer.Rendered element(ElementCall call, Map<Operand, String> operands, Set<String> taken) {
    return ElementRenderer.render(call, operands, numeric, taken);
  }

  /**
   * Below the first layer declares {@code down} (∂E/∂a of the layer below), then opens the loop over
   * the inputs with {@code column} (when it is read) and {@code ink}.
   */
  private void openInputLoop(MethodSpec.Builder m, int i, boolean descend) {
    if (i > 0) {
      m.addStatement("$T down = s.$N", array, "dE_" + layers.get(i - 1).name() + "_a");
    }
    m.beginControlFlow("for (int k = 0; k < $L; k++)", layers.get(i).inputs());
    if (descend || i > 0) {
      m.addStatement("$T column = w[k]", array);
    }
    m.addStatement("$T ink = in[k]", scalar);
  }

  /**
   * The signature, Javadoc and first statement ({@code delta}) of layer {@code i}'s backward or
   * fused-step method: it takes the columns (and biases) it updates or the columns it passes δ down
   * through, the layer's input, the scratch, and {@code grad} or {@code learningRate}.
   */
  private MethodSpec.Builder backwardMethod(int i, boolean descend) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder(descend ? descendName(i) : backwardName(i))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L': multiply gates switch (∂E/∂w = δ·in$L), add gate distributes (∂E/∂b = δ$L).\n",
            l.name(), i > 0 ? ", ∂E/∂in = Wᵀ·δ" : "", l.bias() == Bias.SHARED ? ", summed: the bias fans out" : "");
    if (descend) {
      m.addJavadoc("Fused with the delta rule: δ goes down through the old weights, then column k moves by −in_k·η·δ.\n");
      layerParameters(m, l);
    } else if (i > 0) {
      m.addParameter(matrix, "w");
    }
    m.addParameter(array, "in")
        .addParameter(SCRATCH, "s")
        .addParameter(descend ? scalar : array, descend ? "learningRate" : "grad")
        .addStatement("$T delta = s.$N", array, "dE_" + l.name() + "_z");
    return m;
  }

  /**
   * {@link #layerBackward} for a layer of few units: δ_j (and η·δ_j when fused) in locals, and the
   * loop over the units written out inside the loop over the inputs. ∂E/∂in_k sums δ_0·w_0k,
   * δ_1·w_1k, … in the same order.
   */
  private MethodSpec layerBackwardInLocals(int i, boolean descend) {
    DenseLayout l = layers.get(i);
    MethodSpec.Builder m = backwardMethod(i, descend);
    for (int j = 0; j < l.units(); j++) {
      m.addStatement("$T d$L = delta[$L]", scalar, j, j);
    }
    if (descend) {
      for (int j = 0; j < l.units(); j++) {
        m.addStatement("$T step$L = learningRate * d$L", scalar, j, j);
      }
    }
    openInputLoop(m, i, descend);
    if (i > 0) {
      StringBuilder sum = new StringBuilder();
      for (int j = 0; j < l.units(); j++) {
        sum.append(j == 0 ? "" : " + ").append("d").append(j).append(" * column[").append(j).append("]");
      }
      m.addStatement("down[k] = $L", sum);
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
