package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.List;
import library.campaign.events.DecisionStatus;
import library.campaign.events.PostCategory;

/** Where a post stands after an event, and why: one per status change. */
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
    Instant decidedAt) {

  public Decision {
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
  }
}
