package io.gradgen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose exact derivative gradgen generates at compile time.
 *
 * <p>The body must be written in gradgen's differentiable subset of Java:
 *
 * <ul>
 *   <li>{@code double} parameters and locals, {@code double[]} parameters read with subscripts
 *       that are constants or loop indices, {@code int} loop indices;
 *   <li>{@code + - * /}, unary minus, parentheses, compound assignments ({@code +=}, …) to locals;
 *   <li>{@code Math.exp, log, log1p, sqrt, pow, abs, tanh, sin, cos, max, min};
 *   <li>conditional expressions {@code a < b ? x : y} on comparisons of doubles;
 *   <li>calls to other {@code @Differentiable} static methods of the same class (inlined);
 *   <li>{@code for (int i = A; i < B; i++)} loops with constant bounds (unrolled);
 *   <li>{@code return}.
 * </ul>
 *
 * <p>Anything else is a compile error on the offending expression. For a class {@code Foo} gradgen
 * writes {@code FooGradients} with, for each method {@code f}, a static {@code fGradient} that
 * returns {@code f}'s value and adds its partial derivatives into an array.
 *
 * <p>Where a function is not differentiable the generated code uses a stated convention: {@code
 * abs}, {@code relu}-like {@code max(0, x)}: derivative 0 at 0; {@code max}/{@code min} on a tie:
 * the first argument; a conditional: the derivative of the branch taken.
 *
 * <p>A static {@code @Differentiable} method of a {@link Network} declaration with one {@code
 * double} argument can be a layer's activation ({@link Dense#function()}); one with two (output,
 * target) can be the network's loss ({@link Network#lossFunction()}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {
  /**
   * The arguments to differentiate with respect to, by name. Empty (the default) means every
   * {@code double} argument. {@code double[]} arguments may be named too: each element read gets
   * its own partial derivative. Fields marked {@link Parameter} are always included.
   *
   * @return the arguments to differentiate with respect to, by name
   */
  String[] wrt() default {};
}
