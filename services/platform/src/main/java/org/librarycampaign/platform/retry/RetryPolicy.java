package org.librarycampaign.platform.retry;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How often and how long apart something sent to the outside world (a notification, a post) is
 * tried: exponential backoff from {@code initialBackoff}, multiplied by {@code multiplier} after
 * every failed attempt and capped at {@code maxBackoff}, then spread by up to {@code jitter} (a
 * fraction) either way.
 *
 * <p>The jitter is drawn from a generator seeded with the item's key (a notification id, a post
 * revision) and the attempt number, not from a clock or a shared random source: two items that
 * failed together retry at different times, yet the same item gets the same schedule in every run,
 * so a topology stays deterministic and its tests can name exact times. Used by the dispatcher and
 * the publisher.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    double jitter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
    }
    if (!(jitter >= 0.0 && jitter < 1.0)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
  }

  /** The exponential wait after failed attempt {@code attempt} (1-based), before jitter. */
  public Duration baseBackoff(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1.0);
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  /** The wait after failed attempt {@code attempt} of the item with this key, jitter included. */
  public Duration backoff(int attempt, String key) {
    long base = baseBackoff(attempt).toMillis();
    double draw = new SplittableRandom(seed(key, attempt)).nextDouble();
    double factor = 1.0 - jitter + 2.0 * jitter * draw;
    return Duration.ofMillis(Math.max(1L, Math.round(base * factor)));
  }

  /** Whether another attempt follows a transient failure of attempt {@code attempt}. */
  public boolean allowsAnotherAfter(int attempt) {
    return attempt < maxAttempts;
  }

  private static long seed(String key, int attempt) {
    long hash = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      hash = 31 * hash + key.charAt(i);
    }
    return hash * 1_000_003L + attempt;
  }
}
