package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DecisionWindow;
import library.campaign.events.PostDecision;

/**
 * The latest decision on a post, from {@code campaign.post-decisions} (keyed by postId). A decision
 * on an older revision than the one already known is stale and skipped; a tombstone forgets the
 * post.
 *
 * @param override a reviewer's approval of the revision while the rules held it, or null
 * @param reviews the audit trail: every review governance applied, oldest first, across revisions
 * @param signOff the channel requires a reviewer's sign-off of this revision, or null when not
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
    Instant decidedAt,
    ReviewerOverride override,
    List<Review> reviews,
    SignOff signOff) {

  /** Why a post is held, rejected or withdrawn. */
  public record Reason(
      String code, String message, String nextDayWithRoom, Integer contentPostsNeeded) {}

  /** Advice that does not change the status. */
  public record Warning(String code, String message) {}

  /** The post's week on its channel, as counted after the decision. */
  public record Window(
      Instant start, Instant end, int content, int campaign, int allowedCampaign) {}

  /**
   * A reviewer approved the post while the rules held it.
   *
   * @param over the codes of the hold's reasons, from the HELD decision of the same revision the
   *     dashboard saw before (empty when it did not see it)
   */
  public record ReviewerOverride(String reviewer, String reason, Instant at, List<String> over) {
    public ReviewerOverride {
      over = over == null ? List.of() : List.copyOf(over);
    }
  }

  /** One review governance applied: APPROVE, REJECT or RESCHEDULE (to {@code scheduledAt}). */
  public record Review(
      int revision,
      String action,
      String reviewer,
      String reason,
      Instant at,
      Instant scheduledAt) {}

  /** The channel requires sign-off; {@code signedBy} is null while the post waits for it. */
  public record SignOff(boolean required, String signedBy, Instant signedAt) {
    /** Required and not signed yet. */
    public boolean waiting() {
      return required && signedBy == null;
    }
  }

  public DecisionFact {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    reviews = reviews == null ? List.of() : List.copyOf(reviews);
  }

  /** A decision without reviews, override or sign-off (as before reviews existed). */
  public DecisionFact(
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
        null,
        List.of(),
        null);
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
    return List.of(Change.put(value.getPostId(), of(value, known)));
  }

  static DecisionFact of(PostDecision decision) {
    return of(decision, null);
  }

  /**
   * @param known the post's decision before this one, if any: the codes an override overrode come
   *     from its HELD decision of the same revision (or from what it already carried)
   */
  static DecisionFact of(PostDecision decision, DecisionFact known) {
    DecisionWindow window = decision.getWindow();
    DecisionSignOff signOff = decision.getSignOff();
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
        decision.getDecidedAt(),
        override(decision, known),
        decision.getReviews() == null
            ? List.of()
            : decision.getReviews().stream().map(DecisionFact::review).toList(),
        signOff == null
            ? null
            : new SignOff(signOff.getRequired(), signOff.getSignedBy(), signOff.getSignedAt()));
  }

  private static ReviewerOverride override(PostDecision decision, DecisionFact known) {
    DecisionOverride override = decision.getOverride();
    if (override == null) {
      return null;
    }
    List<String> over = List.of();
    if (known != null && known.revision() == decision.getRevision()) {
      if ("HELD".equals(known.status())) {
        over = known.reasons().stream().map(Reason::code).toList();
      } else if (known.override() != null) {
        over = known.override().over();
      }
    }
    return new ReviewerOverride(
        override.getReviewer(), override.getReason(), override.getAt(), over);
  }

  private static Review review(DecisionReview review) {
    return new Review(
        review.getRevision(),
        review.getAction().name(),
        review.getReviewer(),
        review.getReason(),
        review.getAt(),
        review.getScheduledAt());
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
