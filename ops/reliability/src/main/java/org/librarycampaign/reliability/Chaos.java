package org.librarycampaign.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/** Kills at random points of a window, and how long each instance took to be ready again. */
final class Chaos {

  private final Random random;
  private final ConcurrentLinkedQueue<Long> backReadyMillis = new ConcurrentLinkedQueue<>();

  Chaos(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} points drawn uniformly from 10% to 90% of the window, in order. */
  synchronized List<Duration> points(Duration window, int count) {
    List<Duration> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(Duration.ofNanos((long) (window.toNanos() * (0.1 + 0.8 * random.nextDouble()))));
    }
    Collections.sort(points);
    return points;
  }

  /**
   * Kills the instance (kill -9) at each point after {@code startedNanos}, starts it again at once
   * (same instance id, port and data) and waits until it is ready before the next point.
   */
  Callable<Void> killer(Instance instance, long startedNanos, List<Duration> points) {
    return () -> {
      for (Duration point : points) {
        long wait = startedNanos + point.toNanos() - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        instance.kill();
        long killed = System.nanoTime();
        instance.start();
        instance.awaitReady(Duration.ofSeconds(300));
        backReadyMillis.add((System.nanoTime() - killed) / 1_000_000);
      }
      return null;
    };
  }

  int kills() {
    return backReadyMillis.size();
  }

  /** min / median / max of the kill-to-ready times, in ms. */
  String spread() {
    List<Long> sorted = backReadyMillis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "-";
    }
    return sorted.get(0)
        + " / "
        + sorted.get(sorted.size() / 2)
        + " / "
        + sorted.get(sorted.size() - 1);
  }
}
