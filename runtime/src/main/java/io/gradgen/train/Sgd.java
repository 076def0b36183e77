package io.gradgen.train;

/**
 * Plain gradient descent with the delta rule of docs/SEEDS.md §1: θ ← θ − η·∂E/∂θ.
 *
 * <p>Run by the {@link Trainer} with a batch of 1 it is stochastic (online) gradient descent, with
 * a mini-batch it is mini-batch gradient descent, with the whole data set full-batch gradient
 * descent.
 */
public final class Sgd implements Optimizer {
  private final ScheduledRate rate;

  /**
   * SGD with the learning rates of {@code schedule}.
   *
   * @param schedule the learning rate of every epoch
   */
  public Sgd(LearningRateSchedule schedule) {
    this.rate = new ScheduledRate(schedule);
  }

  /**
   * SGD with a constant learning rate η.
   *
   * @param learningRate the learning rate η
   */
  public Sgd(double learningRate) {
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
    Optimizers.checkSizes(parameters, gradient, -1);
    double eta = rate.current();
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] -= eta * gradient[i];
    }
  }

  @Override
  public void reset(int parameterCount) {
    Optimizers.checkCount(parameterCount);
    rate.reset();
  }

  @Override
  public String toString() {
    return "Sgd[" + rate + "]";
  }
}
