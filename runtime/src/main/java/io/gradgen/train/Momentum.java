package io.gradgen.train;

/**
 * Gradient descent with momentum: a velocity accumulates past steps, so that consistent gradients
 * speed up and oscillating ones cancel.
 *
 * <p>Classical momentum: {@code v ← μ·v − η·g; θ ← θ + v}. Nesterov momentum (the gradient seen
 * from the look-ahead point, in the form of Sutskever et al. 2013 that needs no second gradient
 * call): {@code v' ← μ·v − η·g; θ ← θ − μ·v + (1 + μ)·v'}. Velocities start at 0.
 */
public final class Momentum implements Optimizer {
  private final ScheduledRate rate;
  private final double momentum;
  private final boolean nesterov;
  private double[] velocity = new double[0];
  private boolean sized;

  /**
   * @param schedule the learning rates η
   * @param momentum μ, in [0, 1); 0.9 is usual
   * @param nesterov true for Nesterov momentum, false for classical momentum
   */
  public Momentum(LearningRateSchedule schedule, double momentum, boolean nesterov) {
    Optimizers.checkUnit("momentum", momentum);
    this.rate = new ScheduledRate(schedule);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /**
   * Classical momentum with a constant learning rate.
   *
   * @param learningRate the learning rate η
   * @param momentum the momentum coefficient μ
   */
  public Momentum(double learningRate, double momentum) {
    this(LearningRateSchedule.constant(learningRate), momentum, false);
  }

  /**
   * Nesterov momentum with a constant learning rate.
   *
   * @param learningRate the learning rate η
   * @param momentum the momentum coefficient μ
   * @return Nesterov momentum with a constant learning rate
   */
  public static Momentum nesterov(double learningRate, double momentum) {
    return new Momentum(LearningRateSchedule.constant(learningRate), momentum, true);
  }

  @Override
  public void beginEpoch(int epoch) {
    rate.beginEpoch(epoch);
  }

  @Override
  public double learningRate() {
    return rate.current();
  }

  @Override
  public void step(double[] parameters, double[] gradient) {
    if (!sized) {
      allocate(Optimizers.checkSizes(parameters, gradient, -1));
    }
    Optimizers.checkSizes(parameters, gradient, velocity.length);
    double[] v = velocity;
    double eta = rate.current();
    for (int i = 0; i < parameters.length; i++) {
      double previous = v[i];
      double next = momentum * previous - eta * gradient[i];
      v[i] = next;
      parameters[i] += nesterov ? -momentum * previous + (1 + momentum) * next : next;
    }
  }

  @Override
  public void reset(int parameterCount) {
    allocate(Optimizers.checkCount(parameterCount));
    rate.reset();
  }

  private void allocate(int parameterCount) {
    velocity = new double[parameterCount];
    sized = true;
  }

  /**
   * Momentum's state: the velocities.
   *
   * @return one array, a copy of the velocities in parameter order
   */
  @Override
  public double[][] state() {
    return new double[][] {velocity.clone()};
  }

  /**
   * Puts back the velocities from a {@link #state} of this optimizer.
   *
   * @param state one array, the velocities, as {@link #state} returned it
   * @throws IllegalArgumentException if {@code state} is not exactly one array
   */
  @Override
  public void restore(double[][] state) {
    if (state.length != 1) {
      throw new IllegalArgumentException("Momentum's state is its velocities; got " + state.length + " arrays");
    }
    velocity = state[0].clone();
    sized = true;
  }

  /**
   * The current velocities (a copy), in parameter order.
   *
   * @return the current velocities (a copy), in parameter order
   */
  public double[] velocity() {
    return velocity.clone();
  }

  @Override
  public String toString() {
    return (nesterov ? "Nesterov" : "Momentum") + "[" + rate + ", μ=" + momentum + "]";
  }
}
