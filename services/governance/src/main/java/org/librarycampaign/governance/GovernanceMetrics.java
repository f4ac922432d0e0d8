package org.librarycampaign.governance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import library.campaign.events.DecisionStatus;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** Governance's Micrometer metrics (Prometheus: dots become underscores). */
public final class GovernanceMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of(GovernanceService.NAME);

  /** Decisions published; tags {@code status} (APPROVED, HELD, ...) and {@code released}. */
  public static final String DECISIONS = METRICS.name("decisions");

  /** Input events that changed nothing (an old revision, an unknown post); tag {@code type}. */
  public static final String EVENTS_WITHOUT_DECISION = METRICS.name("events.without.decision");

  /** Hashtags whose first use across all branches was recorded (or moved earlier). */
  public static final String HASHTAG_FIRST_USES = METRICS.name("hashtag.first.uses");

  /**
   * How long after its time a stale hold was expired (the check interval, or the time the service
   * was down); the expired posts themselves count in {@link #DECISIONS} with status EXPIRED.
   */
  public static final String HOLD_EXPIRY_DELAY = METRICS.name("hold.expiry.delay");

  public static final String TAG_STATUS = "status";
  public static final String TAG_RELEASED = "released";
  public static final String TAG_TYPE = "type";

  private GovernanceMetrics() {}

  static Counter decisions(DecisionStatus status, boolean released) {
    return METRICS.counter(
        DECISIONS, TAG_STATUS, status.name(), TAG_RELEASED, Boolean.toString(released));
  }

  static Counter eventsWithoutDecision(String type) {
    return METRICS.counter(EVENTS_WITHOUT_DECISION, TAG_TYPE, type);
  }

  static Timer expiryDelay() {
    return METRICS.timer(HOLD_EXPIRY_DELAY);
  }

  static Counter hashtagFirstUses() {
    return METRICS.counter(HASHTAG_FIRST_USES);
  }
}
