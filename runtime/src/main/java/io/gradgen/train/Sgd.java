package io.gradgen.train;

/**
 * Plain gradient descent with the delta rule of SEEDS.md §1: θ ← θ − η·∂E/∂θ.
 *
 * <p>Run by the {@link Trainer} with a batch of 1 it is stochastic (online) gradient descent, with
 * a mini-batch it is mini-batch gradient descent, with the whole data set full-batch gradient
 * descent.
 */
public final class Sgd implements Optimizer {
  private final LearningRateSchedule schedule;
  private double rate;

  /** SGD with the learning rates of {@code schedule}. */
  public Sgd(LearningRateSchedule schedule) {
    this.schedule = Optimizers.schedule(schedule);
    this.rate = schedule.rate(0);
  }

  /** SGD with a constant learning rate η. */
  public Sgd(double learningRate) {
    this(LearningRateSchedule.constant(learningRate));
  }

  @Override
  public void beginEpoch(int epoch) {
    rate = Optimizers.rate(schedule, epoch);
  }

  @Override
  public double learningRate() {
    return rate;
  }

  @Override
  public void step(double[] parameters, double[] gradient) {
    Optimizers.checkSizes(parameters, gradient, -1);
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] -= rate * gradient[i];
    }
  }

  @Override
  public void reset(int parameterCount) {
    Optimizers.checkCount(parameterCount);
    rate = schedule.rate(0);
  }

  @Override
  public String toString() {
    return "Sgd[" + schedule + "]";
  }
}
