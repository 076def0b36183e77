package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Charts: the title fits in full, and the restored epoch is marked. */
class LearningCurveChartTest {
  @Test
  void theLongestExampleTitleFitsTheChartWidth() {
    for (TrainingExample example : TrainCommand.EXAMPLES) {
      String title = "gradgen: " + example.description();
      Font font = LearningCurveChart.titleFont(title);
      int width = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font).stringWidth(title);
      assertTrue(width <= LearningCurveChart.WIDTH - 40, example.name() + ": " + width + " px at " + font.getSize() + " pt");
    }
    assertEquals(LearningCurveChart.TITLE_POINTS, LearningCurveChart.titleFont("short").getSize());
  }

  @Test
  void theRestoredEpochIsMarked() {
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("training loss", new double[] {3, 2, 1, 0.5});
    curves.put("validation loss", new double[] {3, 2, 2.5, 2.7});
    XYChart marked = LearningCurveChart.chart("t", curves, false, 2);
    assertTrue(marked.getSeriesMap().containsKey("restored epoch 2 (best validation loss)"), marked.getSeriesMap().keySet().toString());
    double[] x = marked.getSeriesMap().get("restored epoch 2 (best validation loss)").getXData();
    assertEquals(2.0, x[0], 0.0);
    assertFalse(LearningCurveChart.chart("t", curves, false, 0).getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("restored")));
  }
}
