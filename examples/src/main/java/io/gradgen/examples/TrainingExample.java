package io.gradgen.examples;

import io.gradgen.train.TrainingListener;
import java.util.function.Function;

/** One of the {@code train} command's examples. */
interface TrainingExample {
  /** The word that selects it: {@code iris}, {@code wine}, {@code xor}, {@code line}. */
  String name();

  /** One line saying what it trains on. */
  String description();

  /** The most epochs one of its training runs may take (the progress bar's length). */
  int maxEpochs();

  /**
   * Trains with {@code seed} fixing the split, the initial weights and the shuffling.
   *
   * @param listeners gives a listener for each training run, by the run's name
   */
  ExampleResult run(long seed, Function<String, TrainingListener> listeners);
}
