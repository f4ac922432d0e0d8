package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.Objects;
import library.campaign.events.Platform;
import library.campaign.events.ReviewAction;

/**
 * A reviewer's APPROVE, REJECT or RESCHEDULE of one revision of a post, as the rules read it
 * (services/governance/README.md#reviews).
 *
 * @param reason why, for the audit trail (may be null for a RESCHEDULE)
 * @param scheduledAt RESCHEDULE: the new time; null for the other actions
 */
public record Review(
    String postId,
    int revision,
    String branchId,
    Platform platform,
    ReviewAction action,
    String reason,
    String reviewer,
    Instant reviewedAt,
    Instant scheduledAt) {

  public Review {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
  }

  /** The review as the audit trail keeps it. */
  public ReviewEntry entry() {
    return new ReviewEntry(revision, action, reviewer, reason, reviewedAt, scheduledAt);
  }
}
