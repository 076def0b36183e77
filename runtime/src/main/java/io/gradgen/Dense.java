package io.gradgen;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code z = W·a + b}, {@code out = activation(z)}, where {@code a} is the
 * previous layer's output (or the network's input).
 *
 * <p>Used only inside {@link Network#layers()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Dense {
  /**
   * The layer's name: a Java identifier, unique in the network. It names the layer's variables in
   * the generated code ({@code hidden_z0}, {@code hidden_a0}, {@code dE_hidden_z0}).
   *
   * @return the layer's name: a Java identifier, unique in the network
   */
  String name();

  /**
   * Number of neurons; at least 1.
   *
   * @return number of neurons; at least 1
   */
  int units();

  /**
   * The element-wise activation; {@link Activation#IDENTITY} by default.
   *
   * @return the element-wise activation; {@link Activation#IDENTITY} by default
   */
  Activation activation() default Activation.IDENTITY;

  /**
   * How the layer's bias is shaped; one bias per neuron by default.
   *
   * @return how the layer's bias is shaped; one bias per neuron by default
   */
  Bias bias() default Bias.PER_NEURON;

  /**
   * With {@code activation = Activation.CUSTOM}: the name of a {@link Differentiable} static method
   * of the declaration, {@code double f(double z)}, used as the activation.
   *
   * @return with {@code activation = Activation.CUSTOM}: the name of a {@link Differentiable}
   *     static method of the declaration, {@code double f(double z)}, used as the activation
   */
  String function() default "";

  /**
   * With {@code activation = Activation.LEAKY_RELU}: the slope α for {@code z ≤ 0}, finite; 0.01
   * by default (as PyTorch's and Keras's). Other activations ignore it.
   *
   * @return with {@code activation = Activation.LEAKY_RELU}: the slope for {@code z ≤ 0}
   */
  double slope() default 0.01;
}
