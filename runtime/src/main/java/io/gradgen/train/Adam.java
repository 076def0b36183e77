package io.gradgen.train;

/**
 * Adam (Kingma and Ba, 2015): per-parameter steps scaled by running estimates of the gradient's
 * first and second moments, with bias correction.
 *
 * <pre>
 * t ← t + 1
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 * θ ← θ − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * Moments start at 0. Defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
 */
public final class Adam implements Optimizer {
  private final ScheduledRate rate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private double[] m = new double[0];
  private double[] v = new double[0];
  private double beta1Power = 1;
  private double beta2Power = 1;
  private long steps;
  private boolean sized;

  /**
   * @param schedule the learning rates η
   * @param beta1 β₁, in [0, 1)
   * @param beta2 β₂, in [0, 1)
   * @param epsilon ε, positive
   */
  public Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {
    Optimizers.checkUnit("beta1", beta1);
    Optimizers.checkUnit("beta2", beta2);
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be positive, but is " + epsilon);
    }
    this.rate = new ScheduledRate(schedule);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8 and a schedule of learning rates.
   *
   * @param schedule the learning rate of every epoch
   */
  public Adam(LearningRateSchedule schedule) {
    this(schedule, 0.9, 0.999, 1e-8);
  }

  /**
   * Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e−8 and a constant learning rate (0.001 is
   * usual).
   *
   * @param learningRate the learning rate η
   */
  public Adam(double learningRate) {
    this(LearningRateSchedule.constant(learningRate));
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
    Optimizers.checkSizes(parameters, gradient, m.length);
    steps++;
    beta1Power *= beta1;
    beta2Power *= beta2;
    double correction1 = 1 - beta1Power;
    double correction2 = 1 - beta2Power;
    double eta = rate.current();
    for (int i = 0; i < parameters.length; i++) {
      double g = gradient[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      parameters[i] -= eta * mHat / (Math.sqrt(vHat) + epsilon);
    }
  }

  @Override
  public void reset(int parameterCount) {
    allocate(Optimizers.checkCount(parameterCount));
    rate.reset();
  }

  private void allocate(int parameterCount) {
    m = new double[parameterCount];
    v = new double[parameterCount];
    beta1Power = 1;
    beta2Power = 1;
    steps = 0;
    sized = true;
  }

  /**
   * Adam's state: m, v, then {β₁ᵗ, β₂ᵗ, t}.
   *
   * @return copies of m and v, then the array {β₁ᵗ, β₂ᵗ, t}
   */
  @Override
  public double[][] state() {
    return new double[][] {m.clone(), v.clone(), {beta1Power, beta2Power, steps}};
  }

  /**
   * Puts back m, v, β₁ᵗ, β₂ᵗ and t from a {@link #state} of this optimizer.
   *
   * @param state m, v and {β₁ᵗ, β₂ᵗ, t}, as {@link #state} returned them
   * @throws IllegalArgumentException if {@code state} is not three arrays, m and v of one length
   *     and then three numbers
   */
  @Override
  public void restore(double[][] state) {
    if (state.length != 3 || state[0].length != state[1].length || state[2].length != 3) {
      throw new IllegalArgumentException("Adam's state is m, v and {β₁ᵗ, β₂ᵗ, t}; got " + state.length + " arrays");
    }
    m = state[0].clone();
    v = state[1].clone();
    beta1Power = state[2][0];
    beta2Power = state[2][1];
    steps = (long) state[2][2];
    sized = true;
  }

  /**
   * The number of steps taken since the last reset: Adam's t.
   *
   * @return the number of steps taken since the last reset: Adam's t
   */
  public long steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Adam[" + rate + ", β₁=" + beta1 + ", β₂=" + beta2 + ", ε=" + epsilon + "]";
  }
}
