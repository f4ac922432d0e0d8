package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.List;

/**
 * A decision's audit trail (services/governance/README.md#reviews): the override that approved it,
 * every review of the post, its sign-off where the channel requires one, and the review that made
 * this decision.
 *
 * @param override the reviewer's override of a hold, for an APPROVED revision; else null
 * @param reviews every review applied to the post, oldest first
 * @param signOff the sign-off a live post needs on its channel; null when it needs none
 * @param review the review that made this decision; null for a decision of the rules alone
 */
public record Audit(
    ReviewRecord.Stamp override, List<ReviewEntry> reviews, SignOff signOff, ReviewEntry review) {

  public static final Audit NONE = new Audit(null, List.of(), null, null);

  public Audit {
    reviews = reviews == null ? List.of() : List.copyOf(reviews);
  }

  /** The sign-off a post needs: who signed its revision and when, or nobody yet. */
  public record SignOff(String signedBy, Instant signedAt) {

    public boolean signed() {
      return signedBy != null;
    }
  }

  public Audit madeBy(ReviewEntry entry) {
    return new Audit(override, reviews, signOff, entry);
  }
}
