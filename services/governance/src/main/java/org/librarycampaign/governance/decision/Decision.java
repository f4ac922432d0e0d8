package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.List;
import library.campaign.events.DecisionStatus;
import library.campaign.events.PostCategory;

/**
 * Where a post stands after an event, and why: one per status change.
 *
 * @param audit its reviews, override and sign-off ({@link Audit#NONE} for a post never reviewed on
 *     a channel without sign-off)
 */
public record Decision(
    String postId,
    int revision,
    String branchId,
    String channelId,
    PostCategory category,
    String campaignId,
    Instant scheduledAt,
    DecisionStatus status,
    boolean released,
    List<Reason> reasons,
    List<Warning> warnings,
    WindowCounts window,
    Instant decidedAt,
    Audit audit) {

  public Decision {
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
    audit = audit == null ? Audit.NONE : audit;
  }

  /** A decision of the rules alone, with no audit trail. */
  public Decision(
      String postId,
      int revision,
      String branchId,
      String channelId,
      PostCategory category,
      String campaignId,
      Instant scheduledAt,
      DecisionStatus status,
      boolean released,
      List<Reason> reasons,
      List<Warning> warnings,
      WindowCounts window,
      Instant decidedAt) {
    this(
        postId,
        revision,
        branchId,
        channelId,
        category,
        campaignId,
        scheduledAt,
        status,
        released,
        reasons,
        warnings,
        window,
        decidedAt,
        Audit.NONE);
  }

  /** The same decision, made by this review. */
  public Decision madeBy(ReviewEntry review) {
    return new Decision(
        postId,
        revision,
        branchId,
        channelId,
        category,
        campaignId,
        scheduledAt,
        status,
        released,
        reasons,
        warnings,
        window,
        decidedAt,
        audit.madeBy(review));
  }
}
