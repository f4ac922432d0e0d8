package org.librarycampaign.publisher.rules;

import java.time.Instant;

/**
 * The latest governance decision of a post as the publisher keeps it (store {@code
 * publisher-decisions}).
 *
 * @param status the {@code DecisionStatus} name (APPROVED, HELD, REJECTED, WITHDRAWN, or a status
 *     added later, such as EXPIRED: anything but APPROVED stops publishing)
 * @param released a held post approved later
 * @param scheduledAt the time the decision was made for
 * @param signOffRequired the channel requires a reviewer's sign-off of this revision
 *     (services/governance/README.md#reviews)
 * @param signedBy the reviewer who signed it off; null while it waits
 */
public record DecisionState(
    int revision,
    String status,
    boolean released,
    Instant scheduledAt,
    boolean signOffRequired,
    String signedBy) {

  public static final String APPROVED = "APPROVED";
  public static final String HELD = "HELD";

  /** A decision on a channel that requires no sign-off. */
  public DecisionState(int revision, String status, boolean released, Instant scheduledAt) {
    this(revision, status, released, scheduledAt, false, null);
  }

  /** Held by governance, which releases or expires it by its time. */
  public boolean held() {
    return HELD.equals(status);
  }

  public boolean approved() {
    return APPROVED.equals(status);
  }

  /** It needs a sign-off that nobody has given yet. */
  public boolean awaitsSignOff() {
    return signOffRequired && signedBy == null;
  }
}
