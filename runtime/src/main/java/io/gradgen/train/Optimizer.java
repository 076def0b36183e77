package io.gradgen.train;

/**
 * Updates a model's flat parameter array in place from the gradient of the objective, one step at
 * a time.
 *
 * <p>The {@link Trainer} calls {@link #beginEpoch} before each epoch (which fixes that epoch's
 * learning rate from the schedule) and {@link #step} once per batch. An optimizer keeps
 * per-parameter
 * state (velocities, moments) sized on the first step or by {@link #reset}; {@code step} itself
 * allocates nothing. One optimizer instance trains one model at a time.
 */
public interface Optimizer {
  /**
   * Sets the learning rate for epoch {@code epoch} (0-based) from the optimizer's schedule.
   *
   * @param epoch the epoch, 0-based
   * @throws IllegalArgumentException if {@code epoch} is negative
   */
  void beginEpoch(int epoch);

  /**
   * The learning rate the next {@link #step} uses.
   *
   * @return the learning rate the next {@link #step} uses
   */
  double learningRate();

  /**
   * One update: changes every {@code parameters[i]} using {@code gradient[i]} = ∂objective/∂θᵢ.
   *
   * @param parameters the parameters, updated in place
   * @param gradient ∂E/∂θ, one element per parameter
   * @throws IllegalArgumentException if the arrays differ in length, or differ from the length of
   *     the previous steps without a {@link #reset} in between
   */
  void step(double[] parameters, double[] gradient);

  /**
   * Forgets all state (step count, velocities, moments) and sizes it for {@code parameterCount}
   * parameters; the learning rate goes back to epoch 0's.
   *
   * @param parameterCount the number of parameters
   */
  void reset(int parameterCount);

  /**
   * The state the next steps depend on (moments, velocities, step counts) as arrays, for {@link
   * Trainer#resume checkpoints}; empty (the default) for an optimizer that keeps none. The learning
   * rate is not part of it: {@link #beginEpoch} sets it again.
   *
   * @return the optimizer's state, as new arrays that later steps do not change
   */
  default double[][] state() {
    return new double[0][];
  }

  /**
   * Puts back a state that {@link #state} returned, so that the next steps are those an
   * uninterrupted run would take.
   *
   * @param state arrays that {@link #state} returned, by this optimizer or one configured alike
   * @throws IllegalArgumentException if the arrays do not fit this optimizer or its parameter count
   */
  default void restore(double[][] state) {
    if (state.length != 0) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " keeps no state, but was given " + state.length + " arrays");
    }
  }
}
