package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import org.librarycampaign.governance.balance.WindowKey;

/**
 * What governance remembers of a post: its latest revision, where it is counted and its status.
 * Kept after a withdrawal, so that a replayed draft of an old revision stays ignored.
 *
 * @param draftedAt when its latest revision was drafted: older withdrawals do not apply to it
 * @param window the week it is (or would be) counted in
 * @param day its local day in that week
 * @param warnings of a held post, the warnings of its latest revision, repeated when it is
 *     released; empty for any other (no other decision repeats them)
 * @param draft its latest revision as drafted, for a RESCHEDULE
 *     (services/governance/README.md#reviews); null in a record written before the post record kept
 *     it, whose draft is in its {@link ReviewRecord}. Kept here rather than in the review record,
 *     so that a draft writes one value and not two
 *     (docs/PERFORMANCE.md#second-round-after-the-gates-hold-expiry-reviews-and-spacing)
 */
public record PostRecord(
    String postId,
    int revision,
    String branchId,
    Platform platform,
    PostCategory category,
    String campaignId,
    Instant scheduledAt,
    Instant draftedAt,
    WindowKey window,
    LocalDate day,
    DecisionStatus status,
    boolean released,
    List<Warning> warnings,
    Draft draft) {

  public PostRecord {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    Objects.requireNonNull(draftedAt, "draftedAt");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(status, "status");
    warnings = List.copyOf(warnings);
  }

  /** A record without its draft. */
  public PostRecord(
      String postId,
      int revision,
      String branchId,
      Platform platform,
      PostCategory category,
      String campaignId,
      Instant scheduledAt,
      Instant draftedAt,
      WindowKey window,
      LocalDate day,
      DecisionStatus status,
      boolean released,
      List<Warning> warnings) {
    this(
        postId,
        revision,
        branchId,
        platform,
        category,
        campaignId,
        scheduledAt,
        draftedAt,
        window,
        day,
        status,
        released,
        warnings,
        null);
  }

  /** Counted in its window: approved (takes a place) or held (waits in the queue). */
  public boolean isLive() {
    return status == DecisionStatus.APPROVED || status == DecisionStatus.HELD;
  }

  public String channelId() {
    return window.channelId();
  }

  /** The same post with a new status; warnings are kept only while it is held. */
  public PostRecord withStatus(DecisionStatus newStatus, boolean isReleased) {
    return new PostRecord(
        postId,
        revision,
        branchId,
        platform,
        category,
        campaignId,
        scheduledAt,
        draftedAt,
        window,
        day,
        newStatus,
        isReleased,
        newStatus == DecisionStatus.HELD ? warnings : List.of(),
        draft);
  }
}
