package io.gradgen.examples;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes learning curves (loss per epoch) as a PNG chart with XChart: the title in full (its font
 * shrinks until it fits the width) and, when early stopping restored an earlier epoch's weights, a
 * vertical line at that epoch.
 */
final class LearningCurveChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 500;
  /** The largest title font, XChart's default size; the smallest it shrinks to. */
  static final int TITLE_POINTS = 14;
  static final int MIN_TITLE_POINTS = 8;

  private LearningCurveChart() {}

  /**
   * Writes one line per series to {@code file} (PNG), creating its directory.
   *
   * @param logarithmic a logarithmic loss axis, for losses that fall over many orders of magnitude;
   *     values are then floored at 1e−16 so that a loss of exactly 0 can be drawn
   * @param restoredEpoch the epoch (from 1) whose weights early stopping restored, marked by a
   *     vertical line; 0 for none
   */
  static void write(Path file, String title, Map<String, double[]> series, boolean logarithmic, int restoredEpoch)
      throws IOException {
    XYChart chart = chart(title, series, logarithmic, restoredEpoch);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }

  /** The chart {@link #write} draws. */
  static XYChart chart(String title, Map<String, double[]> series, boolean logarithmic, int restoredEpoch) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle("loss").build();
    chart.getStyler().setChartTitleFont(titleFont(title));
    chart.getStyler().setYAxisLogarithmic(logarithmic);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      double[] loss = entry.getValue();
      if (loss.length == 0 || Double.isNaN(loss[0])) {
        continue;
      }
      double[] epochs = new double[loss.length];
      double[] y = new double[loss.length];
      for (int e = 0; e < loss.length; e++) {
        epochs[e] = e + 1;
        y[e] = logarithmic ? Math.max(loss[e], 1e-16) : loss[e];
        low = Math.min(low, y[e]);
        high = Math.max(high, y[e]);
      }
      XYSeries line = chart.addSeries(entry.getKey(), epochs, y);
      line.setMarker(SeriesMarkers.NONE);
    }
    if (restoredEpoch > 0 && low <= high) {
      XYSeries mark =
          chart.addSeries(
              "restored epoch " + restoredEpoch + " (best validation loss)",
              new double[] {restoredEpoch, restoredEpoch}, new double[] {low, high});
      mark.setMarker(SeriesMarkers.NONE);
      mark.setLineColor(java.awt.Color.DARK_GRAY);
    }
    return chart;
  }

  /** The largest font from {@link #TITLE_POINTS} down whose rendering of {@code title} fits the chart's width. */
  static Font titleFont(String title) {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Font font = new Font(Font.SANS_SERIF, Font.PLAIN, TITLE_POINTS);
      for (int points = TITLE_POINTS; points >= MIN_TITLE_POINTS; points--) {
        font = new Font(Font.SANS_SERIF, Font.PLAIN, points);
        FontMetrics metrics = g.getFontMetrics(font);
        if (metrics.stringWidth(title) <= WIDTH - 40) {
          return font;
        }
      }
      return font;
    } finally {
      g.dispose();
    }
  }
}
