package org.librarycampaign.platform.ops;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a caller, a client address): each request takes a token; a bucket holds
 * at most {@code burst} tokens and refills at {@code perSecond}. Written here rather than taken
 * from resilience4j's rate limiter, which counts permits per fixed period for one named limiter and
 * keeps every limiter it ever made: a bucket per client address must be cheap and forgettable.
 *
 * <p>At most {@code maxKeys} buckets are kept; past that, the full ones (keys idle long enough to
 * have refilled) are forgotten, which changes nothing for them, and if every bucket is in use all
 * are forgotten rather than memory growing with the number of addresses an attacker can use.
 */
public final class TokenBuckets {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double perSecond;
  private final double burst;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private final class Bucket {
    private double tokens = burst;
    private long refilledAt = nanoTime.getAsLong();

    /** Takes a token; else how many nanoseconds until one is there. */
    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND);
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
      refilledAt = now;
    }
  }

  public TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
    if (!(perSecond > 0) || burst < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("a rate above 0, a burst and a key count of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.maxKeys = maxKeys;
    this.nanoTime = nanoTime;
  }

  public TokenBuckets(double perSecond, int burst) {
    this(perSecond, burst, 100_000, System::nanoTime);
  }

  /**
   * Takes a token from the key's bucket.
   *
   * @return empty when the request may go ahead; else the whole seconds (at least 1) to wait, for a
   *     {@code Retry-After} header
   */
  public OptionalLong tryTake(String key) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
      if (buckets.size() >= maxKeys) {
        buckets.clear();
      }
    }
    long waitNanos = buckets.computeIfAbsent(key, k -> new Bucket()).take(now);
    if (waitNanos == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
  }
}
