package io.gradgen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a feed-forward network; gradgen's annotation processor writes its forward and backward
 * code at compile time.
 *
 * <p>Put it on an interface (or an abstract class with a no-argument constructor) and list the
 * layers in order, as in a Keras {@code Sequential} model:
 *
 * <pre>{@code
 * @Network(
 *     inputs = 2,
 *     layers = {
 *       @Dense(name = "hidden", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED),
 *       @Dense(name = "output", units = 2, activation = Activation.SIGMOID, bias = Bias.SHARED)
 *     },
 *     loss = Loss.HALF_SUM_SQUARED_ERROR)
 * public interface SeedNet {}
 * }</pre>
 *
 * <p>For a declaration {@code SeedNet} the processor generates {@code SeedNetModel} in the same
 * package: a final class that implements the declaration and {@link DifferentiableModel}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /**
   * Number of inputs of the first layer; at least 1.
   *
   * @return number of inputs of the first layer; at least 1
   */
  int inputs();

  /**
   * The layers, from the first hidden layer to the output layer; at least one.
   *
   * @return the layers, from the first hidden layer to the output layer; at least one
   */
  Dense[] layers();

  /**
   * The loss the generated {@code loss} and {@code gradient} methods compute.
   *
   * @return the loss the generated {@code loss} and {@code gradient} methods compute
   */
  Loss loss();

  /**
   * With {@code loss = Loss.CUSTOM}: the name of a {@link Differentiable} static method of the
   * declaration, {@code double L(double output, double target)}; the loss is its sum over outputs.
   *
   * @return with {@code loss = Loss.CUSTOM}: the name of a {@link Differentiable} static method of
   *     the declaration, {@code double L(double output, double target)}; the loss is its sum over
   *     outputs
   */
  String lossFunction() default "";

  /**
   * The shape of the generated code; {@link CodeShape#AUTO} chooses by size.
   *
   * @return the shape of the generated code; {@link CodeShape#AUTO} chooses by size
   */
  CodeShape code() default CodeShape.AUTO;

  /**
   * The floating-point type of the model; {@code double} by default.
   *
   * @return the floating-point type of the model; {@code double} by default
   */
  Precision precision() default Precision.DOUBLE;

  /**
   * Which {@code tanh} and sigmoid the built-in activations call: {@link MathMode#EXACT}, {@code
   * java.lang.Math}, by default; {@link MathMode#FAST}, gradgen's {@link FastMath} (within 4 ulps of
   * {@code StrictMath} in double, 1 ulp in float).
   *
   * @return which {@code tanh} and sigmoid the built-in activations call; {@link MathMode#EXACT} by
   *     default
   */
  MathMode math() default MathMode.EXACT;
}
