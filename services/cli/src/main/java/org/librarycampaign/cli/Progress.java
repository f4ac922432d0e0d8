package org.librarycampaign.cli;

import java.io.PrintWriter;

/** A one-line progress bar on a terminal; silent when output is not a terminal. */
final class Progress {

  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final long total;
  private final boolean enabled;
  private long lastDrawn = -1;
  private long lastDrawnAt;

  Progress(PrintWriter out, long total, boolean enabled) {
    this.out = out;
    this.total = total;
    this.enabled = enabled;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (!enabled || (done != total && now - lastDrawnAt < 100_000_000L)) {
      return;
    }
    lastDrawnAt = now;
    lastDrawn = done;
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      out.printf(
          "\r[%s%s] %d/%d lines", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
    } else {
      out.printf("\r%d lines", done);
    }
    out.flush();
  }

  void finish() {
    if (enabled && lastDrawn >= 0) {
      out.println();
      lastDrawn = -1;
    }
  }
}
