package org.librarycampaign.governance;

/** The names of governance's Micrometer metrics (Prometheus: dots become underscores). */
public final class GovernanceMetrics {

  /** Decisions published; tags {@code status} (APPROVED, HELD, ...) and {@code released}. */
  public static final String DECISIONS = "campaign.governance.decisions";

  /** Input events that changed nothing (an old revision, an unknown post); tag {@code type}. */
  public static final String EVENTS_WITHOUT_DECISION =
      "campaign.governance.events.without.decision";

  /** Hashtags whose first use across all branches was recorded (or moved earlier). */
  public static final String HASHTAG_FIRST_USES = "campaign.governance.hashtag.first.uses";

  public static final String TAG_STATUS = "status";
  public static final String TAG_RELEASED = "released";
  public static final String TAG_TYPE = "type";

  private GovernanceMetrics() {}
}
