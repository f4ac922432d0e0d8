package org.librarycampaign.platform.state;

import java.time.Duration;
import java.time.Instant;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * How long a service keeps state about something that is over (README: retention): an incident
 * resolved, a notification sent, a post whose time has passed. A wall-clock punctuation every
 * {@code checkInterval} deletes what ended more than {@code horizon} ago; a delete writes a
 * tombstone to the store's changelog, so the changelog shrinks with the store once compacted.
 *
 * @param horizon how long after its end an entry is kept ({@value #HORIZON}, 90 days by default)
 * @param checkInterval how often (wall clock) expired entries are looked for ({@value
 *     #CHECK_INTERVAL}, one hour by default)
 */
public record Retention(Duration horizon, Duration checkInterval) {

  public static final String HORIZON = "campaign.retention.horizon";
  public static final String CHECK_INTERVAL = "campaign.retention.check-interval";

  public static final Retention DEFAULT = new Retention(Duration.ofDays(90), Duration.ofHours(1));

  public Retention {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException(HORIZON + " must be positive, got " + horizon);
    }
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException(
          CHECK_INTERVAL + " must be positive, got " + checkInterval);
    }
  }

  public static Retention from(CampaignConfig config) {
    return new Retention(
        config.duration(HORIZON, DEFAULT.horizon()),
        config.duration(CHECK_INTERVAL, DEFAULT.checkInterval()));
  }

  /** Whether something that ended at {@code endedAt} is past the horizon at {@code now}. */
  public boolean expired(Instant endedAt, Instant now) {
    return endedAt.plus(horizon).isBefore(now);
  }
}
