package io.gradgen.examples;

import io.gradgen.train.EpochReport;
import io.gradgen.train.TrainingListener;
import io.gradgen.train.TrainingResult;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress with a progress bar (me.tongfei:progressbar): epochs done out of the
 * maximum, and the last training and validation loss. When training stops — at the maximum or
 * earlier, by early stopping or a target loss — the bar's length becomes the epochs run, so it ends
 * at 100 %, and its last message is the stop reason (printed only here). On a terminal the bar
 * redraws in place on standard error; otherwise (a pipe, a file, a test) it prints plain lines to
 * {@code plain}, about one a second plus a last one when training stops.
 */
final class ProgressListener implements TrainingListener {
  private final ProgressBar bar;
  private String lastLine = "";

  /**
   * @param task the name shown before the bar
   * @param maxEpochs the bar's length
   * @param plain where plain lines go when {@code terminal} is false
   * @param terminal whether to draw an interactive bar on the console
   */
  ProgressListener(String task, int maxEpochs, PrintStream plain, boolean terminal) {
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(maxEpochs)
            .setUnit(" epochs", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(terminal ? 100 : 1000);
    if (!terminal) {
      builder.setConsumer(new DelegatingProgressBarConsumer(line -> printOnce(plain, line), 100));
    }
    this.bar = builder.build();
  }

  /** Prints {@code line} unless it repeats the last one (the bar refreshes on a timer and on close). */
  private synchronized void printOnce(PrintStream plain, String line) {
    if (!line.equals(lastLine)) {
      lastLine = line;
      plain.println(line);
    }
  }

  /** True when standard input and output are a terminal, so that a bar can redraw in place. */
  static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public void onEpoch(EpochReport report) {
    bar.stepTo(report.epoch());
    bar.setExtraMessage(
        report.hasValidation()
            ? String.format(Locale.ROOT, " loss %.4f  validation %.4f", report.trainingLoss(), report.validationLoss())
            : String.format(Locale.ROOT, " loss %.4g", report.trainingLoss()));
  }

  @Override
  public void onStop(TrainingResult result) {
    bar.maxHint(Math.max(1, result.epochs()));
    bar.stepTo(result.epochs());
    bar.setExtraMessage(
        " stopped: " + result.reason()
            + (result.restored() ? ", restored epoch " + result.restoredEpoch() : ""));
    bar.close();
  }
}
