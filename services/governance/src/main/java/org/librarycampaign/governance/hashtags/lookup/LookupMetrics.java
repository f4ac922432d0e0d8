package org.librarycampaign.governance.hashtags.lookup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import library.campaign.events.Platform;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** The look-up's Micrometer metrics (governance README, "Operations"). */
public final class LookupMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of("governance");

  /**
   * Searches made on the network; tags {@code platform}, {@code result} (in_use, quiet,
   * not_checked).
   */
  public static final String LOOKUPS = METRICS.name("hashtag.lookups");

  /** Tags answered from the cache (or joined to a search in flight); tag {@code platform}. */
  public static final String CACHE_HITS = METRICS.name("hashtag.lookup.cache.hits");

  /** Tags a decision stopped waiting for at the timeout; tag {@code platform}. */
  public static final String TIMEOUTS = METRICS.name("hashtag.lookup.timeouts");

  /** How long searches took; tag {@code platform}. */
  public static final String DURATION = METRICS.name("hashtag.lookup.duration");

  private LookupMetrics() {}

  static Counter lookups(Platform platform, TagCheck check) {
    String result =
        check instanceof TagCheck.InUse
            ? "in_use"
            : check instanceof TagCheck.Quiet ? "quiet" : "not_checked";
    return METRICS.counter(LOOKUPS, "platform", platform.name(), "result", result);
  }

  static Counter cacheHits(Platform platform) {
    return METRICS.counter(CACHE_HITS, "platform", platform.name());
  }

  static Counter timeouts(Platform platform) {
    return METRICS.counter(TIMEOUTS, "platform", platform.name());
  }

  static Timer duration(Platform platform) {
    return METRICS.timer(DURATION, "platform", platform.name());
  }
}
