package io.gradgen.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gradgen.CodeShape;
import io.gradgen.DenseLayout;
import io.gradgen.processor.lower.ArrayNames;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.LoweredModel;
import io.gradgen.processor.lower.Statement;
import io.gradgen.processor.model.DeclarationKind;
import io.gradgen.processor.model.LayerSpec;
import io.gradgen.processor.model.NetworkSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Prints a {@link LoweredModel} as the Java source of {@code <Name>Model} with JavaPoet. Every
 * decision was made by the earlier stages; this class only renders.
 */
public final class ModelEmitter {
  /** The value of the {@code @Generated} annotation on every generated class. */
  public static final String GENERATOR = "io.gradgen.processor.GradgenProcessor";

  private static final ClassName DIFFERENTIABLE_MODEL =
      ClassName.get("io.gradgen", "DifferentiableModel");
  private static final ClassName DIFFERENTIABLE_FLOAT_MODEL =
      ClassName.get("io.gradgen", "DifferentiableFloatModel");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName NETWORK_LAYOUT = ClassName.get("io.gradgen", "NetworkLayout");
  private static final ClassName LAYOUT_LAYER = NETWORK_LAYOUT.nestedClass("Layer");
  private static final ClassName ACTIVATION = ClassName.get("io.gradgen", "Activation");
  private static final ClassName BIAS = ClassName.get("io.gradgen", "Bias");
  private static final ClassName LOSS = ClassName.get("io.gradgen", "Loss");
  private static final ClassName BATCHES = ClassName.get("io.gradgen", "Batches");

  /** Networks with more parameters show their layout as index ranges per layer. */
  private static final int MAX_LISTED_PARAMETERS = 64;

  private final LoweredModel model;
  private final NetworkSpec spec;
  /** The model's precision: its arrays, its scalars, its literals. */
  private final Numeric numeric;
  private final TypeName array;
  private final TypeName scalar;

  private ModelEmitter(LoweredModel model) {
    this.model = model;
    this.spec = model.spec();
    this.numeric = Numeric.of(spec.precision());
    this.array = numeric.arrayTypeName();
    this.scalar = numeric.typeName();
  }

  /** The generated source file for {@code model}. */
  public static JavaFile emit(LoweredModel model) {
    return new ModelEmitter(model).file();
  }

  private JavaFile file() {
    ClassName declaration =
        ClassName.get(
            spec.packageName(),
            spec.typeNames().get(0),
            spec.typeNames().subList(1, spec.typeNames().size()).toArray(new String[0]));
    TypeSpec.Builder type =
        TypeSpec.classBuilder(spec.modelName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(classJavadoc(declaration))
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build());
    if (spec.type().kind() == DeclarationKind.ABSTRACT_CLASS) {
      type.superclass(declaration);
    } else {
      type.addSuperinterface(declaration);
    }
    type.addSuperinterface(numeric == Numeric.FLOAT ? DIFFERENTIABLE_FLOAT_MODEL : DIFFERENTIABLE_MODEL);
    type.addField(constant("INPUTS", spec.inputs(), "Number of inputs."))
        .addField(constant("OUTPUTS", spec.outputs(), "Number of outputs."))
        .addField(
            constant("PARAMETERS", model.parameterNames().size(), "Number of parameters (weights and biases)."))
        .addField(layoutField());
    if (model.shape() == CodeShape.LOOPS) {
      LoopEmitter.addStorage(type, spec, numeric);
    } else {
      new StraightLineEmitter(model, numeric).addStorage(type);
    }
    type.addMethod(getter("inputCount", "INPUTS"))
        .addMethod(getter("outputCount", "OUTPUTS"))
        .addMethod(getter("parameterCount", "PARAMETERS"))
        .addMethod(
            MethodSpec.methodBuilder("layout")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(NETWORK_LAYOUT)
                .addStatement("return LAYOUT")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("isThreadSafe")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("True: every call keeps its intermediate values in its own scratch, so calls from several threads\n"
                    + "at once give what they give one after another while nobody writes the parameters.\n")
                .returns(boolean.class)
                .addStatement("return true")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The layer table of {@link #summary()}: every layer, its units, activation, bias and parameters.\n")
                .returns(String.class)
                .addStatement("return summary()")
                .build());
    if (model.shape() == CodeShape.LOOPS) {
      new LoopEmitter(spec, model.loopPlan().orElseThrow(), model.schedule(), numeric).addTo(type,
          checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.OUTPUTS, "OUTPUTS"),
          checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.TARGETS, "OUTPUTS"),
          checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.TARGETS, "OUTPUTS", ArrayNames.GRADIENT, "PARAMETERS"));
    } else {
      new StraightLineEmitter(model, numeric).addMethods(type);
    }
    type.addMethod(checkLength(array));
    return JavaFile.builder(spec.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static FieldSpec constant(String name, int value, String doc) {
    return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer("$L", value)
        .build();
  }

  /** {@code NetworkLayout.of(inputs, loss, List.of(new NetworkLayout.Layer(...), ...))}. */
  private FieldSpec layoutField() {
    CodeBlock.Builder layers = CodeBlock.builder();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec layer = spec.layers().get(i);
      layers.add(
          "\nnew $T($S, $L, $T.$L, $T.$L)$L",
          LAYOUT_LAYER,
          layer.name(),
          layer.units(),
          ACTIVATION,
          layer.activation().name(),
          BIAS,
          layer.bias().name(),
          i + 1 < spec.layers().size() ? "," : "");
    }
    return FieldSpec.builder(NETWORK_LAYOUT, "LAYOUT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "$T.of($L, $T.$L, $T.of($>$>$L$<$<))",
            NETWORK_LAYOUT,
            spec.inputs(),
            LOSS,
            spec.loss().name(),
            List.class,
            layers.build())
        .build();
  }

  private static MethodSpec getter(String name, String constant) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addStatement("return $L", constant)
        .build();
  }

  /**
   * The public mini-batch {@code trainStep} of both code shapes, in {@code numeric}'s precision: its
   * checks, then {@code gradient} (which declares the array {@code g}) and {@code sumRows} (which
   * adds the rows' gradients into it and declares their summed {@code loss}), then {@code update},
   * the delta rule with the mean gradient {@code scale·g}.
   */
  static MethodSpec batchTrainStep(
      Numeric numeric, String javadoc, CodeBlock gradient, CodeBlock sumRows, CodeBlock update) {
    TypeName scalar = numeric.typeName();
    return batchMethod("trainStep", numeric, "ts")
        .addJavadoc(javadoc)
        .returns(scalar)
        .addParameter(scalar, "learningRate")
        .beginControlFlow("if (count < 1)")
        .addStatement("throw new $T($S + count)", IllegalArgumentException.class, "count must be at least 1, but is ")
        .endControlFlow()
        .addCode(learningRateCheck(numeric))
        .addCode(gradient)
        .beginControlFlow("for (int i = 0; i < PARAMETERS; i++)")
        .addStatement("g[i] = $L", numeric.literal(0))
        .endControlFlow()
        .addCode(sumRows)
        .addStatement("$T scale = learningRate / count", scalar)
        .addCode(update)
        .addStatement("return loss / count")
        .build();
  }

  /** The public batch {@code predict} of both code shapes: its signature and checks; the body follows. */
  static MethodSpec.Builder batchPredict(Numeric numeric) {
    return batchMethod("predict", numeric, "ys");
  }

  /**
   * The public batch {@code gradient} of both code shapes, which adds into {@code grad}: its
   * signature and checks; the body follows.
   */
  static MethodSpec.Builder batchGradient(Numeric numeric) {
    return batchMethod("gradient", numeric, "ts")
        .returns(numeric.typeName())
        .addParameter(numeric.arrayTypeName(), ArrayNames.GRADIENT)
        .addStatement("checkLength($S, grad, PARAMETERS)", "grad");
  }

  /**
   * A public batch method over {@code count} rows of {@code xs} and of {@code rows} ({@code ys} or
   * {@code ts}), each from its offset, with both arrays checked to hold the rows.
   */
  private static MethodSpec.Builder batchMethod(String name, Numeric numeric, String rows) {
    TypeName array = numeric.arrayTypeName();
    String offset = rows.charAt(0) + "Offset";
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(array, "xs").addParameter(TypeName.INT, "xOffset")
        .addParameter(array, rows).addParameter(TypeName.INT, offset)
        .addParameter(TypeName.INT, "count")
        .addStatement("$T.check($S, xs, xOffset, count, INPUTS)", BATCHES, "xs")
        .addStatement("$T.check($S, $N, $N, count, OUTPUTS)", BATCHES, rows, rows, offset);
  }

  static MethodSpec checkLength(TypeName arrayType) {
    return MethodSpec.methodBuilder("checkLength")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(String.class, "name")
        .addParameter(arrayType, "array")
        .addParameter(TypeName.INT, "expected")
        .addStatement("$T.requireNonNull(array, name)", Objects.class)
        .beginControlFlow("if (array.length != expected)")
        .addStatement(
            "throw new $T(name + $S + array.length + $S + expected)",
            IllegalArgumentException.class,
            " has length ",
            ", expected ")
        .endControlFlow()
        .build();
  }

  /**
   * A NaN or infinite {@code learningRate} would make every weight NaN in one step: refused, as the
   * optimizers refuse it, before anything is computed.
   */
  static CodeBlock learningRateCheck(Numeric numeric) {
    return CodeBlock.builder()
        .beginControlFlow("if (!$T.isFinite(learningRate))", numeric == Numeric.FLOAT ? Float.class : Double.class)
        .addStatement("throw new $T($S + learningRate)", IllegalArgumentException.class, "learningRate must be finite, but is ")
        .endControlFlow()
        .build();
  }

  /** {@code checkLength("x", x, INPUTS);} for each (array, constant) pair. */
  static CodeBlock checks(String... arraysAndLengths) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = 0; i < arraysAndLengths.length; i += 2) {
      code.addStatement(
          "checkLength($S, $N, $N)", arraysAndLengths[i], arraysAndLengths[i], arraysAndLengths[i + 1]);
    }
    return code.build();
  }

  private CodeBlock classJavadoc(ClassName declaration) {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("Forward and backward code for the network declared by {@link $T}, generated by gradgen.\n\n", declaration);
    doc.add("<pre>\n");
    doc.add("input     $L\n", spec.inputs());
    for (LayerSpec layer : spec.layers()) {
      doc.add(
          "$L $L units, $L, bias $L\n",
          pad(layer.name()),
          layer.units(),
          layer.activation().name().toLowerCase(java.util.Locale.ROOT),
          layer.bias().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    doc.add("loss      $L\n", spec.loss().name());
    doc.add("</pre>\n\n");
    doc.add("<p>Parameter layout of {@link #parameters()}, also described by {@link #layout()}: per\n");
    doc.add("layer, the weights row by row ({@code w[unit][input]}), then the biases.\n\n");
    doc.add("<pre>\n");
    List<String> names = model.parameterNames();
    if (names.size() <= MAX_LISTED_PARAMETERS) {
      for (int i = 0; i < names.size(); i++) {
        doc.add("p[$L]$L$L\n", i, " ".repeat(Math.max(1, 6 - Integer.toString(i).length())), names.get(i));
      }
    } else {
      // Too many to list one by one: each layer's weights and biases as index ranges.
      for (DenseLayout layer : spec.layout().layers()) {
        doc.add("p[$L..$L]  $L.w[j][k] at $L + $L·j + k\n", layer.firstWeight(), layer.firstBias() - 1,
            layer.name(), layer.firstWeight(), layer.inputs());
        if (layer.biasCount() > 0) {
          doc.add("p[$L..$L]  $L\n", layer.firstBias(), layer.end() - 1,
              layer.bias() == io.gradgen.Bias.SHARED ? layer.name() + ".b" : layer.name() + ".b[j] at " + layer.firstBias() + " + j");
        }
      }
    }
    doc.add("</pre>\n\n");
    if (spec.loss() == io.gradgen.Loss.CATEGORICAL_CROSS_ENTROPY) {
      doc.add("<p>The gradient of the cross-entropy is fused to {@code p·Σt − t}: {@code p − t} for targets that\n");
      doc.add("sum to 1 (one-hot labels, a distribution), and exact for targets of any sum.\n\n");
    }
    if (!model.conventions().isEmpty()) {
      doc.add("<p>Where the network is not differentiable: $L.\n\n", String.join("; ", model.conventions()));
    }
    if (model.shape() == CodeShape.LOOPS) {
      doc.add("<p>Code shape: loops, one small method per layer and pass; intermediate values live in\n");
      doc.add("pooled scratch arrays, one set per call running at once. Each layer's weights are stored\n");
      doc.add("column by column, one array per input, so the loops over a layer's units read every array\n");
      doc.add("at the same index and HotSpot compiles them to vector instructions; {@link #parameters()} is\n");
      doc.add("the flat view in the layout above.\n\n");
    }
    doc.add("<p>{@code predict}, {@code loss} and {@code gradient} allocate nothing. Calls that only read\n");
    doc.add("the parameters may run on many threads at once; training must not run concurrently with them.\n");
    return doc.build();
  }

  private static String pad(String name) {
    return name.length() >= 9 ? name : name + " ".repeat(9 - name.length());
  }
}
