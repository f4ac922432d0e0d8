package org.librarycampaign.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Plain bar charts drawn with java.awt (headless): no charting library needed. */
final class Charts {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 480;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 90;
  private static final Color[] SERIES = {
    new Color(0x3b6ea5), new Color(0xe07b39), new Color(0x6a9f4b), new Color(0x8e6bb0)
  };

  private Charts() {}

  /**
   * One group of bars per category, one bar per series; dashed lines at the given targets. On a
   * logarithmic axis (from 1) when the values span more than two orders of magnitude.
   */
  static void bars(
      Path file,
      String title,
      String unit,
      List<String> categories,
      Map<String, double[]> series,
      Map<String, Double> targets)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 28);

    double max = 0;
    for (double[] values : series.values()) {
      for (double value : values) {
        max = Math.max(max, value);
      }
    }
    for (double target : targets.values()) {
      max = Math.max(max, target);
    }
    double min = Double.MAX_VALUE;
    for (double[] values : series.values()) {
      for (double value : values) {
        if (value > 0) {
          min = Math.min(min, value);
        }
      }
    }
    boolean log = min >= 1 && max / min > 100;
    max = log ? Math.pow(10, Math.ceil(Math.log10(max * 1.1))) : niceCeiling(max * 1.1);
    Scale scale = new Scale(log, max, HEIGHT - TOP - BOTTOM);
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;

    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int ticks = log ? (int) Math.round(Math.log10(max)) : 5;
    for (int tick = 0; tick <= ticks; tick++) {
      double value = log ? Math.pow(10, tick) : max * tick / 5;
      int y = TOP + plotHeight - scale.height(value);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(format(value), 8, y + 4);
    }
    g.drawString(unit, 8, TOP - 10);

    int groupWidth = plotWidth / Math.max(1, categories.size());
    int barWidth = Math.max(8, (groupWidth - 20) / Math.max(1, series.size()));
    int seriesIndex = 0;
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      g.setColor(SERIES[seriesIndex % SERIES.length]);
      for (int c = 0; c < categories.size(); c++) {
        double value = entry.getValue()[c];
        int height = scale.height(value);
        int x = LEFT + c * groupWidth + 10 + seriesIndex * barWidth;
        g.fillRect(x, TOP + plotHeight - height, barWidth - 2, height);
        g.setColor(Color.BLACK);
        g.drawString(format(value), x, TOP + plotHeight - height - 4);
        g.setColor(SERIES[seriesIndex % SERIES.length]);
      }
      g.fillRect(LEFT + seriesIndex * 150, HEIGHT - 28, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), LEFT + seriesIndex * 150 + 16, HEIGHT - 18);
      seriesIndex++;
    }
    g.setColor(Color.BLACK);
    for (int c = 0; c < categories.size(); c++) {
      g.drawString(categories.get(c), LEFT + c * groupWidth + 10, TOP + plotHeight + 20);
    }
    g.drawLine(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight);

    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    g.setColor(new Color(0xc0392b));
    int labelRow = 0;
    for (Map.Entry<String, Double> target : targets.entrySet()) {
      int y = TOP + plotHeight - scale.height(target.getValue());
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.drawString(target.getKey(), WIDTH - RIGHT - 260, y - 4 - 12 * labelRow);
      labelRow = (labelRow + 1) % 2;
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  /** Value to bar height, linear from 0 or logarithmic from 1. */
  private record Scale(boolean log, double max, int plotHeight) {
    int height(double value) {
      if (log) {
        return value <= 1 ? 0 : (int) (plotHeight * Math.log10(value) / Math.log10(max));
      }
      return (int) (plotHeight * value / max);
    }
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double value) {
    return value >= 100 ? String.format("%.0f", value) : String.format("%.2f", value);
  }
}
