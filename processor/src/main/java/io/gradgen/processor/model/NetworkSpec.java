package io.gradgen.processor.model;

import io.gradgen.CodeShape;
import io.gradgen.Loss;
import io.gradgen.MathMode;
import io.gradgen.Precision;
import io.gradgen.NetworkLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code @Network} declaration as read from the source: the network itself plus what the
 * processor must know about the annotated type.
 *
 * <p>A spec may be invalid; {@link Validator#validate} says why. Later stages only ever see specs
 * that passed validation.
 *
 * @param packageName the declaration's package ("" for the unnamed package)
 * @param typeNames the declaration's simple name, preceded by those of enclosing types
 * @param type what the declaration and its members look like
 * @param inputs the number of inputs
 * @param layers the layers in order, output layer last
 * @param loss the loss
 * @param lossFunction for a {@link Loss#CUSTOM} loss, the differentiable method's name
 * @param functions the declaration's {@code @Differentiable} methods, by name
 * @param code the requested shape of the generated code
 * @param precision the floating-point type of the generated model
 * @param math which tanh and sigmoid the built-in activations call
 */
public record NetworkSpec(
    String packageName,
    List<String> typeNames,
    TypeShape type,
    int inputs,
    List<LayerSpec> layers,
    Loss loss,
    String lossFunction,
    Map<String, FunctionSpec> functions,
    CodeShape code,
    Precision precision,
    MathMode math) {

  public NetworkSpec {
    typeNames = List.copyOf(typeNames);
    layers = List.copyOf(layers);
    functions = Map.copyOf(functions);
  }

  /** A declaration with {@link MathMode#EXACT}, the default. */
  public NetworkSpec(
      String packageName,
      List<String> typeNames,
      TypeShape type,
      int inputs,
      List<LayerSpec> layers,
      Loss loss,
      String lossFunction,
      Map<String, FunctionSpec> functions,
      CodeShape code,
      Precision precision) {
    this(packageName, typeNames, type, inputs, layers, loss, lossFunction, functions, code, precision, MathMode.EXACT);
  }

  /** A network with built-in activations and loss only. */
  public NetworkSpec(
      String packageName, List<String> typeNames, TypeShape type, int inputs, List<LayerSpec> layers, Loss loss) {
    this(packageName, typeNames, type, inputs, layers, loss, "", Map.of(), CodeShape.AUTO, Precision.DOUBLE);
  }

  /** The same declaration asking for another shape of code. */
  public NetworkSpec withCode(CodeShape shape) {
    return new NetworkSpec(packageName, typeNames, type, inputs, layers, loss, lossFunction, functions, shape, precision, math);
  }

  /** The same declaration in another precision. */
  public NetworkSpec withPrecision(Precision other) {
    return new NetworkSpec(packageName, typeNames, type, inputs, layers, loss, lossFunction, functions, code, other, math);
  }

  /** The same declaration calling the other tanh and sigmoid. */
  public NetworkSpec withMath(MathMode other) {
    return new NetworkSpec(packageName, typeNames, type, inputs, layers, loss, lossFunction, functions, code, precision, other);
  }

  /** True when the network uses a {@code CUSTOM} activation or loss. */
  public boolean usesCustomFunctions() {
    return loss == Loss.CUSTOM || layers.stream().anyMatch(l -> l.activation() == io.gradgen.Activation.CUSTOM);
  }

  /** The simple name of the generated class: {@code SeedNet} gives {@code SeedNetModel}. */
  public String modelName() {
    return String.join("_", typeNames) + "Model";
  }

  /** The output layer. */
  public LayerSpec outputLayer() {
    return layers.get(layers.size() - 1);
  }

  public int outputs() {
    return outputLayer().units();
  }

  /** Number of inputs of layer {@code i}: the network's inputs or the previous layer's units. */
  public int fanIn(int i) {
    return i == 0 ? inputs : layers.get(i - 1).units();
  }

  /**
   * The runtime's description of this network: parameter layout, names and fingerprint. Only for
   * a spec that passed validation.
   */
  public NetworkLayout layout() {
    List<NetworkLayout.Layer> dense = new ArrayList<>();
    for (LayerSpec layer : layers) {
      dense.add(new NetworkLayout.Layer(layer.name(), layer.units(), layer.activation(), layer.bias(), layer.function()));
    }
    return NetworkLayout.of(inputs, loss, lossFunction, dense);
  }

  /** The name of every parameter, in layout order ({@code hidden.w[0][1]}, {@code hidden.b}). */
  public List<String> parameterNames() {
    // Computed when read: a loop model of millions of parameters lists none of them.
    NetworkLayout layout = layout();
    return new java.util.AbstractList<>() {
      @Override
      public String get(int index) {
        return layout.parameterName(index);
      }

      @Override
      public int size() {
        return layout.parameterCount();
      }
    };
  }
}
