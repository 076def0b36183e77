package io.gradgen.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gradgen.processor.lower.ArrayNames;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.LoweredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the straight-line form of a model: the flat parameter storage, {@code predict}, {@code
 * loss}, {@code gradient} and the fused {@code trainStep} from their lowered bodies, and the batch
 * forms over row methods. A body past the JIT limit is split into parts ({@link SplitBodies}).
 */
final class StraightLineEmitter {
  private final LoweredModel model;
  private final Numeric numeric;
  private final TypeName array;
  private final TypeName scalar;
  private SplitBodies split;

  StraightLineEmitter(LoweredModel model, Numeric numeric) {
    this.model = model;
    this.numeric = numeric;
    this.array = numeric.arrayTypeName();
    this.scalar = numeric.typeName();
  }

  /** Adds the public methods, the batch forms and any split parts to {@code type}. */
  void addMethods(TypeSpec.Builder type) {
    split = new SplitBodies(type);
    type.addMethod(predict()).addMethod(loss()).addMethod(gradient()).addMethod(trainStep());
    addBatchMethods(type);
    split.finish();
  }

  /** The body of a public method reading {@code values} as {@code p} and the named array arguments. */
  private CodeBlock body(String name, LoweredMethod body, TypeName returns, String... arrays) {
    List<ParameterSpec> parameters = new ArrayList<>();
    parameters.add(ParameterSpec.builder(array, ArrayNames.PARAMETERS).build());
    for (String a : arrays) {
      parameters.add(ParameterSpec.builder(array, a).build());
    }
    return CodeBlock.builder()
        .addStatement("$L[] $N = values", numeric.type(), ArrayNames.PARAMETERS)
        .add(split.body(name, parameters, returns, body, this::render))
        .build();
  }

  /** {@link #body} of the fused step, which also takes the learning rate. */
  private CodeBlock bodyWithRate(String name, LoweredMethod body) {
    List<ParameterSpec> parameters = List.of(
        ParameterSpec.builder(array, ArrayNames.PARAMETERS).build(),
        ParameterSpec.builder(array, ArrayNames.INPUTS).build(),
        ParameterSpec.builder(array, ArrayNames.TARGETS).build(),
        ParameterSpec.builder(scalar, "learningRate").build());
    return CodeBlock.builder()
        .addStatement("$L[] $N = values", numeric.type(), ArrayNames.PARAMETERS)
        .add(split.body(name, parameters, scalar, body, this::render))
        .build();
  }

  /** The body of a static row method, reading its arrays at offsets: arrays, and ints for the names ending in "o". */
  private CodeBlock rowBody(String name, LoweredMethod body, TypeName returns, Map<String, String> offsets, String... arguments) {
    List<ParameterSpec> parameters = new ArrayList<>();
    parameters.add(ParameterSpec.builder(array, ArrayNames.PARAMETERS).build());
    for (String a : arguments) {
      parameters.add(ParameterSpec.builder(offsets.containsValue(a) ? TypeName.INT : array, a).build());
    }
    return split.body(name, parameters, returns, body,
        part -> BodyRenderer.statements(part, "forward pass", "", offsets, numeric, model.spec().math()));
  }

  private CodeBlock render(LoweredMethod body) {
    return BodyRenderer.statements(body, "forward pass", "", Map.of(), numeric, model.spec().math());
  }

  /**
   * One flat array in the layout order, {@code values}, read by the straight-line code and seen
   * through the {@code Parameters} (or {@code FloatParameters}) view {@code parameters}.
   */
  void addStorage(TypeSpec.Builder type) {
    ClassName view = numeric.parametersClass();
    type.addField(FieldSpec.builder(array, "values", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("The parameters in the layout above: the storage behind {@link #parameters()}.\n")
            .build())
        .addField(FieldSpec.builder(view, "parameters", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A model with every parameter 0; set them through {@link #parameters()}.\n")
            .addStatement("this.values = new $L[PARAMETERS]", numeric.type())
            .addStatement("this.parameters = $T.flat(LAYOUT, values)", view)
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A model with a copy of {@code parameters}, in the layout above.\n\n")
            .addJavadoc("@throws IllegalArgumentException unless it has {@link #PARAMETERS} elements\n")
            .addParameter(array, "parameters")
            .addStatement("checkLength($S, parameters, PARAMETERS)", "parameters")
            .addStatement("this.values = parameters.clone()")
            .addStatement("this.parameters = $T.flat(LAYOUT, values)", view)
            .build())
        .addMethod(MethodSpec.methodBuilder("parameters")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(view)
            .addStatement("return parameters")
            .build());
  }


  private MethodSpec predict() {
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(array, ArrayNames.INPUTS)
        .addParameter(array, ArrayNames.OUTPUTS)
        .addCode(ModelEmitter.checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.OUTPUTS, "OUTPUTS"))
        .addCode(body("predict", model.predict(), TypeName.VOID, ArrayNames.INPUTS, ArrayNames.OUTPUTS))
        .build();
  }

  private MethodSpec loss() {
    return MethodSpec.methodBuilder("loss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(scalar)
        .addParameter(array, ArrayNames.INPUTS)
        .addParameter(array, ArrayNames.TARGETS)
        .addCode(ModelEmitter.checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.TARGETS, "OUTPUTS"))
        .addCode(body("loss", model.loss(), scalar, ArrayNames.INPUTS, ArrayNames.TARGETS))
        .build();
  }

  private MethodSpec gradient() {
    return MethodSpec.methodBuilder("gradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(scalar)
        .addParameter(array, ArrayNames.INPUTS)
        .addParameter(array, ArrayNames.TARGETS)
        .addParameter(array, ArrayNames.GRADIENT)
        .addCode(
            ModelEmitter.checks(
                ArrayNames.INPUTS, "INPUTS", ArrayNames.TARGETS, "OUTPUTS",
                ArrayNames.GRADIENT, "PARAMETERS"))
        .addCode(body("gradient", model.gradient(), scalar, ArrayNames.INPUTS, ArrayNames.TARGETS, ArrayNames.GRADIENT))
        .build();
  }

  private MethodSpec trainStep() {
    return MethodSpec.methodBuilder("trainStep")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Forward, backward and the delta rule in one pass; allocates nothing.\n")
        .returns(scalar)
        .addParameter(array, ArrayNames.INPUTS)
        .addParameter(array, ArrayNames.TARGETS)
        .addParameter(scalar, "learningRate")
        .addCode(ModelEmitter.checks(ArrayNames.INPUTS, "INPUTS", ArrayNames.TARGETS, "OUTPUTS"))
        .addCode(ModelEmitter.learningRateCheck(numeric))
        .addCode(bodyWithRate("trainStep", model.trainStep()))
        .build();
  }

  /**
   * The batch forms: private row methods that read and write at offsets, and the public methods
   * that loop over the rows.
   */
  private void addBatchMethods(TypeSpec.Builder type) {
    Map<String, String> offsets = Map.of(ArrayNames.INPUTS, "xo", ArrayNames.OUTPUTS, "yo", ArrayNames.TARGETS, "to");
    type.addField(FieldSpec.builder(array, "stepGradient", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("The summed gradient of a mini-batch {@code trainStep}; training is not thread-safe.\n")
        .initializer("new $L[PARAMETERS]", numeric.type())
        .build());
    type.addMethod(MethodSpec.methodBuilder("predictRow")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(array, ArrayNames.PARAMETERS)
        .addParameter(array, ArrayNames.INPUTS).addParameter(TypeName.INT, "xo")
        .addParameter(array, ArrayNames.OUTPUTS).addParameter(TypeName.INT, "yo")
        .addCode(rowBody("predictRow", model.predict(), TypeName.VOID, offsets,
            ArrayNames.INPUTS, "xo", ArrayNames.OUTPUTS, "yo"))
        .build());
    type.addMethod(MethodSpec.methodBuilder("gradientRow")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(scalar)
        .addParameter(array, ArrayNames.PARAMETERS)
        .addParameter(array, ArrayNames.INPUTS).addParameter(TypeName.INT, "xo")
        .addParameter(array, ArrayNames.TARGETS).addParameter(TypeName.INT, "to")
        .addParameter(array, ArrayNames.GRADIENT)
        .addCode(rowBody("gradientRow", model.gradient(), scalar, offsets,
            ArrayNames.INPUTS, "xo", ArrayNames.TARGETS, "to", ArrayNames.GRADIENT))
        .build());
    type.addMethod(ModelEmitter.batchPredict(numeric)
        .addStatement("$T p = values", array)
        .beginControlFlow("for (int n = 0; n < count; n++)")
        .addStatement("predictRow(p, xs, xOffset + n * INPUTS, ys, yOffset + n * OUTPUTS)")
        .endControlFlow()
        .build());
    type.addMethod(ModelEmitter.batchGradient(numeric)
        .addStatement("$T p = values", array)
        .addStatement("$T loss = $L", scalar, numeric.literal(0))
        .beginControlFlow("for (int n = 0; n < count; n++)")
        .addStatement("loss += gradientRow(p, xs, xOffset + n * INPUTS, ts, tOffset + n * OUTPUTS, grad)")
        .endControlFlow()
        .addStatement("return loss")
        .build());
    type.addMethod(ModelEmitter.batchTrainStep(numeric,
        "Mini-batch gradient descent: the mean gradient of the rows, then the delta rule; allocates nothing.\n",
        CodeBlock.builder()
            .addStatement("$T p = values", array)
            .addStatement("$T g = stepGradient", array)
            .build(),
        CodeBlock.builder()
            .addStatement("$T loss = $L", scalar, numeric.literal(0))
            .beginControlFlow("for (int n = 0; n < count; n++)")
            .addStatement("loss += gradientRow(p, xs, xOffset + n * INPUTS, ts, tOffset + n * OUTPUTS, g)")
            .endControlFlow()
            .build(),
        CodeBlock.builder()
            .beginControlFlow("for (int i = 0; i < PARAMETERS; i++)")
            .addStatement("p[i] -= scale * g[i]")
            .endControlFlow()
            .build()));
  }
}
