package io.gradgen.examples;

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

/** Writes learning curves (loss per epoch) as a PNG chart with XChart. */
final class LearningCurveChart {
  private LearningCurveChart() {}

  /**
   * Writes one line per series to {@code file} (PNG), creating its directory.
   *
   * @param logarithmic a logarithmic loss axis, for losses that fall over many orders of magnitude;
   *     values are then floored at 1e−16 so that a loss of exactly 0 can be drawn
   */
  static void write(Path file, String title, Map<String, double[]> series, boolean logarithmic)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch").yAxisTitle("loss").build();
    chart.getStyler().setYAxisLogarithmic(logarithmic);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
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
      }
      XYSeries line = chart.addSeries(entry.getKey(), epochs, y);
      line.setMarker(SeriesMarkers.NONE);
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
