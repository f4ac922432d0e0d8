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
 */
public record DecisionState(int revision, String status, boolean released, Instant scheduledAt) {

  public static final String APPROVED = "APPROVED";

  public boolean approved() {
    return APPROVED.equals(status);
  }
}
