package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DecisionWindow;
import library.campaign.events.PostDecision;

/**
 * The latest decision on a post, from {@code campaign.post-decisions} (keyed by postId). A decision
 * on an older revision than the one already known is stale and skipped; a tombstone forgets the
 * post.
 */
public record DecisionFact(
    String postId,
    int revision,
    String branchId,
    String channelId,
    String category,
    String campaignId,
    Instant scheduledAt,
    String status,
    boolean released,
    List<Reason> reasons,
    List<Warning> warnings,
    Window window,
    Instant decidedAt) {

  /** Why a post is held, rejected or withdrawn. */
  public record Reason(
      String code, String message, String nextDayWithRoom, Integer contentPostsNeeded) {}

  /** Advice that does not change the status. */
  public record Warning(String code, String message) {}

  /** The post's week on its channel, as counted after the decision. */
  public record Window(
      Instant start, Instant end, int content, int campaign, int allowedCampaign) {}

  public DecisionFact {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public static Fold<PostDecision, DecisionFact> fold() {
    return DecisionFact::apply;
  }

  static List<Change<DecisionFact>> apply(
      String recordKey, PostDecision value, Function<String, DecisionFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    DecisionFact known = current.apply(value.getPostId());
    if (known != null && known.revision() > value.getRevision()) {
      return List.of();
    }
    return List.of(Change.put(value.getPostId(), of(value)));
  }

  static DecisionFact of(PostDecision decision) {
    DecisionWindow window = decision.getWindow();
    return new DecisionFact(
        decision.getPostId(),
        decision.getRevision(),
        decision.getBranchId(),
        decision.getChannelId(),
        decision.getCategory().name(),
        decision.getCampaignId(),
        decision.getScheduledAt(),
        decision.getStatus().name(),
        decision.getReleased(),
        decision.getReasons().stream().map(DecisionFact::reason).toList(),
        decision.getWarnings().stream().map(DecisionFact::warning).toList(),
        window == null
            ? null
            : new Window(
                window.getStart(),
                window.getEnd(),
                window.getContent(),
                window.getCampaign(),
                window.getAllowedCampaign()),
        decision.getDecidedAt());
  }

  private static Reason reason(DecisionReason reason) {
    return new Reason(
        reason.getCode().name(),
        reason.getMessage(),
        reason.getNextDayWithRoom(),
        reason.getContentPostsNeeded());
  }

  private static Warning warning(DecisionWarning warning) {
    return new Warning(warning.getCode().name(), warning.getMessage());
  }
}
