package io.gradgen.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
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
 * The batch passes of the loop form: up to {@link Schedule#BATCH_ROWS} rows held as [unit][row], so
 * each weight is read once per chunk and the loops over the rows index every array alike.
 */
final class LoopBatch {
  private final LoopContext c;

  LoopBatch(LoopContext c) {
    this.c = c;
  }

  TypeSpec batchScratch() {
    TypeSpec.Builder batch = TypeSpec.classBuilder("Batch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Up to $L rows of a batch, held as [unit][row] so that loops over the rows read every array\n"
            + "at the same index.\n", Schedule.BATCH_ROWS)
        .addField(FieldSpec.builder(TypeName.INT, "ROWS", Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", Schedule.BATCH_ROWS).build())
        .addField(batchMatrix("x", c.layout.inputs()))
        .addField(batchRows("x_rows", c.layout.inputs()))
        .addField(FieldSpec.builder(c.array, "gradientRow", Modifier.FINAL)
            .addJavadoc("one row of weight gradients, summed over the rows before it is added to grad\n")
            .initializer("new $L[$L]", c.numeric.type(), c.layers.stream().mapToInt(DenseLayout::inputs).max().orElse(1))
            .build())
        .addField(FieldSpec.builder(c.array, "zRow", Modifier.FINAL)
            .addJavadoc("one row's z of a wide layer, summed over the units as in the single-sample pass\n")
            .initializer("new $L[$L]", c.numeric.type(), c.layers.stream().mapToInt(DenseLayout::units).max().orElse(1))
            .build());
    for (int i = 0; i + 1 < c.layers.size(); i++) {
      batch.addField(batchRows(c.out(i) + "_rows", c.layers.get(i).units()));
    }
    for (DenseLayout layer : c.layers) {
      batch.addField(batchMatrix(layer.name() + "_z", layer.units()));
      if (layer.activation() != Activation.IDENTITY) {
        batch.addField(batchMatrix(layer.name() + "_a", layer.units()));
      }
      if (layer.activation() == Activation.SOFTMAX) {
        batch.addField(FieldSpec.builder(c.array, layer.name() + "_max", Modifier.FINAL)
            .initializer("new $L[ROWS]", c.numeric.type()).build());
        batch.addField(FieldSpec.builder(c.array, layer.name() + "_logSum", Modifier.FINAL)
            .initializer("new $L[ROWS]", c.numeric.type()).build());
      }
      batch.addField(batchMatrix("dE_" + layer.name() + "_z", layer.units()));
      batch.addField(batchMatrix("dE_" + layer.name() + "_a", layer.units()));
    }
    return batch.build();
  }

  /** A [row][unit] copy, so that weight gradients sum over rows with the units as the loop index. */
  private FieldSpec batchRows(String name, int units) {
    return FieldSpec.builder(c.matrix, name, Modifier.FINAL)
        .initializer("new $L[ROWS][$L]", c.numeric.type(), units)
        .build();
  }

  private FieldSpec batchMatrix(String name, int units) {
    return FieldSpec.builder(c.matrix, name, Modifier.FINAL)
        .initializer("new $L[$L][ROWS]", c.numeric.type(), units)
        .build();
  }

  /** The batch forward pass and its per-layer methods, the loss with the output δ, and the backward layers. */
  void addBatchPasses(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("batch")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ClassName.get("", "Batch"))
        .addParameter(LoopContext.SCRATCH, "s")
        .beginControlFlow("if (s.batch == null)")
        .addStatement("s.batch = new Batch()")
        .endControlFlow()
        .addStatement("return s.batch")
        .build());
    type.addMethod(MethodSpec.methodBuilder("batchInputs")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Copies m rows of inputs into the batch, transposed to [input][row].\n")
        .addParameter(c.array, "xs").addParameter(TypeName.INT, "offset")
        .addParameter(ClassName.get("", "Batch"), "b").addParameter(TypeName.INT, "m")
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("int row = offset + n * INPUTS")
        .addStatement("$T copy = b.x_rows[n]", c.array)
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
    for (int i = 0; i < c.layers.size(); i++) {
      forward.addStatement("batchForwardLayer$L($L, $L, b, m)", i, LoopContext.layerFields(c.layers.get(i)), i == 0 ? "b.x" : "b." + c.out(i - 1));
      type.addMethod(batchForwardLayer(i));
    }
    type.addMethod(forward.build());
    type.addMethod(new LoopLoss(c).batchLossAndDelta());
    for (int i = c.layers.size() - 1; i >= 0; i--) {
      type.addMethod(batchBackwardLayer(i));
    }
  }

  private MethodSpec batchForwardLayer(int i) {
    DenseLayout l = c.layers.get(i);
    ClassName batch = ClassName.get("", "Batch");
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchForwardLayer" + i)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' for m rows: each weight is read once and applied to every row.\n", l.name());
    c.layerParameters(m, l);
    m.addParameter(c.matrix, "in")
        .addParameter(batch, "b")
        .addParameter(TypeName.INT, "m")
        .addStatement("$T z = b.$N", c.matrix, l.name() + "_z");
    if (l.units() > Schedule.FEW_UNITS) {
      addRowByRow(m, i, l);
    } else {
      addUnitByUnit(m, l);
    }
    c.plan.layers().get(i).activation().ifPresent(f -> {
      m.addStatement("$T a = b.$N", c.matrix, l.name() + "_a")
          .addCode(LoopContext.open("j", 0, l.units()))
          .addStatement("$T zj = z[j]", c.array)
          .addStatement("$T aj = a[j]", c.array)
          .beginControlFlow("for (int n = 0; n < m; n++)");
      c.element(f, Map.of(Operand.Z, "zj[n]")).assign(m, "aj[n]", "=");
      m.endControlFlow().endControlFlow();
    });
    if (c.plan.layers().get(i).softmax()) {
      m.addComment("softmax of each row, shifted by the row's largest logit (z == max is 1 even at an infinite max)")
          .addStatement("$T a = b.$N", c.matrix, l.name() + "_a")
          .beginControlFlow("for (int n = 0; n < m; n++)");
      c.addSoftmax(m, l, "[n]", "b." + l.name() + "_max[n]", "b." + l.name() + "_logSum[n]");
      m.endControlFlow();
    }
    return m.build();
  }

  /**
   * z of a wide layer row by row, with the single-sample pass's loop over the units (long, so it
   * vectorizes well; a loop over 64 rows spends much of its time entering and leaving), then
   * stored as [unit][row]. The same sums in the same order as the single-sample pass.
   */
  private void addRowByRow(MethodSpec.Builder m, int i, DenseLayout l) {
    String rows = i == 0 ? "x_rows" : c.out(i - 1) + "_rows";
    if (i > 0) {
      m.addComment("the layer's inputs row by row")
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("$T copy = b.$N[n]", c.array, rows)
          .addCode(LoopContext.open("k", 0, l.inputs()))
          .addStatement("copy[k] = in[k][n]")
          .endControlFlow()
          .endControlFlow();
    }
    m.addStatement("$T zr = b.zRow", c.array)
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("$T x = b.$N[n]", c.array, rows)
        .addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("zr[j] = $L", c.biasOf(l, "j"))
        .endControlFlow();
    c.addColumnPasses(m, l, "zr", "x");
    m.addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("z[j][n] = zr[j]")
        .endControlFlow()
        .endControlFlow();
  }

  /** z of a narrow layer unit by unit, each weight applied to every row in a loop over the rows. */
  private void addUnitByUnit(MethodSpec.Builder m, DenseLayout l) {
    m.addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("$T zj = z[j]", c.array)
        .addStatement("$T bias = $L", c.scalar, c.biasOf(l, "j"))
        .beginControlFlow("for (int n = 0; n < m; n++)")
        .addStatement("zj[n] = bias")
        .endControlFlow();
    int blocked = l.inputs() / Schedule.COLUMNS_PER_PASS * Schedule.COLUMNS_PER_PASS;
    if (blocked > 0) {
      m.addComment("$L inputs per pass over the rows, as in the single-sample forward pass", Schedule.COLUMNS_PER_PASS)
          .addCode(LoopContext.open("k", 0, blocked, Schedule.COLUMNS_PER_PASS));
      for (int col = 0; col < Schedule.COLUMNS_PER_PASS; col++) {
        m.addStatement("$T w$L = w[$L][j]", c.scalar, col, LoopContext.plus("k", col))
            .addStatement("$T in$L = in[$L]", c.array, col, LoopContext.plus("k", col));
      }
      m.beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("zj[n] += $L", LoopContext.passSum(c -> "w" + c + " * in" + c + "[n]"))
          .endControlFlow()
          .endControlFlow();
    }
    if (blocked < l.inputs()) {
      m.addCode(LoopContext.open("k", blocked, l.inputs()))
          .addStatement("$T weight = w[k][j]", c.scalar)
          .addStatement("$T column = in[k]", c.array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("zj[n] += weight * column[n]")
          .endControlFlow()
          .endControlFlow();
    }
    m.endControlFlow();
  }

  private MethodSpec batchBackwardLayer(int i) {
    DenseLayout l = c.layers.get(i);
    MethodSpec.Builder m = MethodSpec.methodBuilder("batchBackwardLayer" + i)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Layer '$L' for m rows: ∂E/∂w sums δ·in over the rows$L.\n", l.name(),
            i > 0 ? "; ∂E/∂in = Wᵀ·δ, row by row" : "");
    if (i > 0) {
      m.addParameter(c.matrix, "w");
    }
    m.addParameter(c.matrix, "in")
        .addParameter(ClassName.get("", "Batch"), "b")
        .addParameter(TypeName.INT, "m")
        .addParameter(c.array, "grad")
        .addStatement("$T delta = b.$N", c.matrix, "dE_" + l.name() + "_z");
    if (i > 0) {
      DenseLayout previous = c.layers.get(i - 1);
      m.addStatement("$T down = b.$N", c.matrix, "dE_" + previous.name() + "_a")
          .addCode(LoopContext.open("k", 0, l.inputs()))
          .addStatement("$T dk = down[k]", c.array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("dk[n] = $L", c.zero())
          .endControlFlow()
          .endControlFlow();
    }
    String inputRows = i == 0 ? "x_rows" : c.out(i - 1) + "_rows";
    if (i > 0) {
      m.addComment("the layer's inputs row by row, for the weight gradients")
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("$T copy = b.$N[n]", c.array, inputRows)
          .addCode(LoopContext.open("k", 0, l.inputs()))
          .addStatement("copy[k] = in[k][n]")
          .endControlFlow()
          .endControlFlow();
    }
    m.addStatement("$T g = b.gradientRow", c.array)
        .addCode(LoopContext.open("j", 0, l.units()))
        .addStatement("$T d = delta[j]", c.array)
        .addStatement("int row = $L", LoopContext.rowStart(l))
        .addComment("∂E/∂w_jk = Σ_n δ_j[n]·in_k[n], accumulated row by row so the inner loop runs over k")
        .addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("g[k] = $L", c.zero())
        .endControlFlow()
        .addComment("$L rows per pass over g: one load and one store of g[k] for $L multiply-adds", Schedule.COLUMNS_PER_PASS, Schedule.COLUMNS_PER_PASS)
        .addStatement("int blocked = m / $L * $L", Schedule.COLUMNS_PER_PASS, Schedule.COLUMNS_PER_PASS)
        .beginControlFlow("for (int n = 0; n < blocked; n += $L)", Schedule.COLUMNS_PER_PASS);
    for (int col = 0; col < Schedule.COLUMNS_PER_PASS; col++) {
      m.addStatement("$T d$L = d[$L]", c.scalar, col, LoopContext.plus("n", col))
          .addStatement("$T r$L = b.$N[$L]", c.array, col, inputRows, LoopContext.plus("n", col));
    }
    m.addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("g[k] += $L", LoopContext.passSum(c -> "d" + c + " * r" + c + "[k]"))
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int n = blocked; n < m; n++)")
        .addStatement("$T dn = d[n]", c.scalar)
        .addStatement("$T r = b.$N[n]", c.array, inputRows)
        .addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("g[k] += dn * r[k]")
        .endControlFlow()
        .endControlFlow()
        .addCode(LoopContext.open("k", 0, l.inputs()))
        .addStatement("grad[row + k] += g[k]");
    if (i > 0) {
      m.addStatement("$T weight = w[k][j]", c.scalar)
          .addStatement("$T dk = down[k]", c.array)
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("dk[n] += weight * d[n]")
          .endControlFlow();
    }
    m.endControlFlow();
    if (l.bias() != Bias.NONE) {
      m.addStatement("$T sum = $L", c.scalar, c.zero())
          .beginControlFlow("for (int n = 0; n < m; n++)")
          .addStatement("sum += d[n]")
          .endControlFlow()
          .addStatement("grad[$L] += sum", l.bias() == Bias.SHARED ? Integer.toString(l.firstBias()) : l.firstBias() + " + j");
    }
    m.endControlFlow();
    if (i > 0) {
      DenseLayout previous = c.layers.get(i - 1);
      Optional<ElementCall> gate = c.plan.layers().get(i - 1).gate();
      m.addComment("$L", c.gateComment(i - 1))
          .addStatement("$T below = b.$N", c.matrix, "dE_" + previous.name() + "_z");
      gate.ifPresent(g -> LoopContext.loadOperands(m, g, previous, "b", c.matrix));
      m.addCode(LoopContext.open("k", 0, l.inputs()))
          .beginControlFlow("for (int n = 0; n < m; n++)");
      if (gate.isPresent()) {
        c.element(gate.get(), Map.of(Operand.UP, "down[k][n]", Operand.Z, "z[k][n]", Operand.OUT, "a[k][n]"))
            .assign(m, "below[k][n]", "=");
      } else {
        m.addStatement("below[k][n] = down[k][n]");
      }
      m.endControlFlow()
          .endControlFlow();
    }
    return m.build();
  }
}
