package io.gradgen.spark;

import io.gradgen.train.Adam;
import io.gradgen.train.Initializer;
import io.gradgen.train.Momentum;
import io.gradgen.train.Optimizer;
import io.gradgen.train.Sgd;
import io.gradgen.train.StopRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The estimator's training parameters, checked once (whether set by setters or a {@code ParamMap}),
 * and turned into the runtime's optimizer, initializer and stop rules.
 */
record TrainingSettings(
    String optimizer,
    double stepSize,
    double momentum,
    int maxIter,
    double miniBatchFraction,
    long seed,
    String initializer,
    double targetLoss,
    int earlyStoppingPatience,
    double earlyStoppingMinDelta,
    int localSteps,
    int aggregationDepth,
    boolean hasValidation) {

  /** The optimizers by name, as the {@code optimizer} param takes them. */
  static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adam");
  /** The initializers by name, as the {@code initializer} param takes them. */
  static final List<String> INITIALIZERS = List.of("xavier", "he", "uniform");

  TrainingSettings {
    optimizer = optimizer.toLowerCase(Locale.ROOT);
    initializer = initializer.toLowerCase(Locale.ROOT);
    if (!OPTIMIZERS.contains(optimizer)) {
      throw new IllegalArgumentException("optimizer must be one of " + OPTIMIZERS + ", but is '" + optimizer + "'");
    }
    if (!INITIALIZERS.contains(initializer)) {
      throw new IllegalArgumentException("initializer must be one of " + INITIALIZERS + ", but is '" + initializer + "'");
    }
    if (!(stepSize > 0 && Double.isFinite(stepSize))) {
      throw new IllegalArgumentException("stepSize must be finite and above 0, but is " + stepSize);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), but is " + momentum);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter (epochs) must be at least 1, but is " + maxIter);
    }
    if (!(miniBatchFraction > 0 && miniBatchFraction <= 1)) {
      throw new IllegalArgumentException("miniBatchFraction must be in (0, 1], but is " + miniBatchFraction);
    }
    if (earlyStoppingPatience < 0) {
      throw new IllegalArgumentException("earlyStoppingPatience must be at least 0 (0: off), but is " + earlyStoppingPatience);
    }
    if (earlyStoppingPatience > 0 && !hasValidation) {
      throw new IllegalArgumentException(
          "early stopping watches the validation loss: set validationIndicatorCol to a boolean column marking the validation rows");
    }
    if (localSteps < 1) {
      throw new IllegalArgumentException("localSteps must be at least 1, but is " + localSteps);
    }
    if (localSteps > 1 && !optimizer.equals("sgd")) {
      throw new IllegalArgumentException(
          "localSteps " + localSteps + " runs plain SGD on each partition and averages the parameters; "
              + "it needs optimizer 'sgd', but optimizer is '" + optimizer + "' (or set localSteps to 1)");
    }
    int chunks = chunks(miniBatchFraction); // the fields are not assigned yet in a compact constructor
    if (localSteps > chunks) {
      // A pass takes its local steps from this epoch's chunks; with fewer chunks it would silently
      // take fewer steps than asked.
      throw new IllegalArgumentException(
          "localSteps " + localSteps + " needs at least " + localSteps + " mini-batches per epoch; miniBatchFraction "
              + miniBatchFraction + " gives " + chunks + " (set miniBatchFraction to at most 1/" + localSteps
              + " or lower localSteps)");
    }
    if (aggregationDepth < 1) {
      throw new IllegalArgumentException("aggregationDepth must be at least 1, but is " + aggregationDepth);
    }
  }

  /** Mini-batches per epoch: each partition's rows cut into this many chunks. */
  int chunks() {
    return chunks(miniBatchFraction);
  }

  private static int chunks(double miniBatchFraction) {
    return (int) Math.ceil(1.0 / miniBatchFraction - 1e-9);
  }

  Optimizer newOptimizer() {
    return switch (optimizer) {
      case "sgd" -> new Sgd(stepSize);
      case "momentum" -> new Momentum(stepSize, momentum);
      case "nesterov" -> Momentum.nesterov(stepSize, momentum);
      case "adam" -> new Adam(stepSize);
      default -> throw new AssertionError(optimizer);
    };
  }

  Initializer newInitializer() {
    return switch (initializer) {
      case "xavier" -> Initializer.xavier();
      case "he" -> Initializer.he();
      case "uniform" -> Initializer.uniform();
      default -> throw new AssertionError(initializer);
    };
  }

  /** The runtime's stop rules these parameters ask for, checked in this order after every epoch. */
  List<StopRule> stopRules() {
    List<StopRule> rules = new ArrayList<>();
    if (!Double.isNaN(targetLoss)) {
      rules.add(StopRule.targetLoss(targetLoss));
    }
    if (earlyStoppingPatience > 0) {
      rules.add(StopRule.earlyStopping(earlyStoppingPatience, earlyStoppingMinDelta));
    }
    rules.add(StopRule.maxEpochs(maxIter));
    return rules;
  }
}
