package org.librarycampaign.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DecisionWindow;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.ReasonCode;
import library.campaign.events.ReviewAction;
import library.campaign.events.WarningCode;
import org.librarycampaign.platform.json.EventJson;

/** Expected PostDecision records, field by field. */
public final class Expected {

  private static final EventJson JSON = new EventJson();

  private final PostDecision.Builder builder = PostDecision.newBuilder();
  private final List<DecisionReason> reasons = new ArrayList<>();
  private final List<DecisionWarning> warnings = new ArrayList<>();

  private Expected(String postId, PostCategory category, String campaignId) {
    builder
        .setPostId(postId)
        .setRevision(1)
        .setBranchId("eastside")
        .setChannelId("eastside/FACEBOOK")
        .setCategory(category)
        .setCampaignId(campaignId)
        .setScheduledAt(Instant.parse("2026-12-01T15:00:00Z"))
        .setReleased(false);
  }

  public static Expected campaign(String postId) {
    return new Expected(postId, PostCategory.CAMPAIGN, "budget-2027");
  }

  public static Expected content(String postId) {
    return new Expected(postId, PostCategory.CONTENT, null);
  }

  public Expected revision(int revision) {
    builder.setRevision(revision);
    return this;
  }

  public Expected channel(String branchId, String platform) {
    builder.setBranchId(branchId).setChannelId(branchId + "/" + platform);
    return this;
  }

  public Expected at(String scheduledAt) {
    builder.setScheduledAt(Instant.parse(scheduledAt));
    return this;
  }

  public Expected approved() {
    builder.setStatus(DecisionStatus.APPROVED);
    return this;
  }

  public Expected released() {
    builder.setStatus(DecisionStatus.APPROVED).setReleased(true);
    return this;
  }

  public Expected held(ReasonCode code, String message) {
    builder.setStatus(DecisionStatus.HELD);
    return reason(code, message, null, null);
  }

  public Expected heldForRatio(String message, int contentPostsNeeded) {
    builder.setStatus(DecisionStatus.HELD);
    return reason(ReasonCode.RATIO_LIMIT, message, null, contentPostsNeeded);
  }

  public Expected rejected(ReasonCode code, String message) {
    builder.setStatus(DecisionStatus.REJECTED);
    return reason(code, message, null, null);
  }

  public Expected rejectedForDay(String message, String nextDayWithRoom) {
    builder.setStatus(DecisionStatus.REJECTED);
    return reason(ReasonCode.DAILY_LIMIT, message, nextDayWithRoom, null);
  }

  public Expected withdrawn(String message) {
    builder.setStatus(DecisionStatus.WITHDRAWN);
    return reason(ReasonCode.WITHDRAWN, message, null, null);
  }

  public Expected expired(String message) {
    builder.setStatus(DecisionStatus.EXPIRED);
    return reason(ReasonCode.HOLD_EXPIRED, message, null, null);
  }

  private Expected reason(ReasonCode code, String message, String nextDay, Integer needed) {
    reasons.add(
        DecisionReason.newBuilder()
            .setCode(code)
            .setMessage(message)
            .setNextDayWithRoom(nextDay)
            .setContentPostsNeeded(needed)
            .build());
    return this;
  }

  public Expected warning(WarningCode code, String message) {
    warnings.add(DecisionWarning.newBuilder().setCode(code).setMessage(message).build());
    return this;
  }

  public Expected hashtagUsedBefore(
      String message, String hashtag, String firstUsedBy, String firstUsedAt) {
    warnings.add(
        DecisionWarning.newBuilder()
            .setCode(WarningCode.HASHTAG_USED_BEFORE)
            .setMessage(message)
            .setHashtag(hashtag)
            .setFirstUsedBy(firstUsedBy)
            .setFirstUsedAt(Instant.parse(firstUsedAt))
            .build());
    return this;
  }

  public Expected hashtagInUseElsewhere(
      String message, String hashtag, int usesElsewhere, String exampleUrl) {
    warnings.add(
        DecisionWarning.newBuilder()
            .setCode(WarningCode.HASHTAG_IN_USE_ELSEWHERE)
            .setMessage(message)
            .setHashtag(hashtag)
            .setUsesElsewhere(usesElsewhere)
            .setExampleUrl(exampleUrl)
            .build());
    return this;
  }

  public Expected hashtagNotChecked(String message, String hashtag) {
    warnings.add(
        DecisionWarning.newBuilder()
            .setCode(WarningCode.HASHTAG_NOT_CHECKED)
            .setMessage(message)
            .setHashtag(hashtag)
            .build());
    return this;
  }

  /** The week counted after the decision. */
  public Expected window(String start, String end, int content, int campaign, int allowed) {
    builder.setWindow(
        DecisionWindow.newBuilder()
            .setStart(Instant.parse(start))
            .setEnd(Instant.parse(end))
            .setContent(content)
            .setCampaign(campaign)
            .setAllowedCampaign(allowed)
            .build());
    return this;
  }

  /** The week of Mon 30 Nov 2026 in UTC, counted after the decision. */
  public Expected week(int content, int campaign, int allowed) {
    return window("2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z", content, campaign, allowed);
  }

  /** A review by "ana", as the audit trail shows it. */
  public static DecisionReview review(
      int revision, String action, String reason, String at, String scheduledAt) {
    return DecisionReview.newBuilder()
        .setRevision(revision)
        .setAction(ReviewAction.valueOf(action))
        .setReviewer("ana")
        .setReason(reason)
        .setAt(Instant.parse(at))
        .setScheduledAt(scheduledAt == null ? null : Instant.parse(scheduledAt))
        .build();
  }

  /** The post's audit trail, oldest first. */
  public Expected trail(DecisionReview... reviews) {
    builder.setReviews(List.of(reviews));
    return this;
  }

  /** The review that made this decision. */
  public Expected madeBy(DecisionReview review) {
    builder.setReview(review);
    return this;
  }

  /** Approved by "ana"'s override of a hold. */
  public Expected override(String reason, String at) {
    builder.setOverride(
        DecisionOverride.newBuilder()
            .setReviewer("ana")
            .setReason(reason)
            .setAt(Instant.parse(at))
            .build());
    return this;
  }

  /** The channel requires sign-off; signed by "ana" at {@code signedAt}, or not yet (null). */
  public Expected signOff(String signedAt) {
    builder.setSignOff(
        DecisionSignOff.newBuilder()
            .setRequired(true)
            .setSignedBy(signedAt == null ? null : "ana")
            .setSignedAt(signedAt == null ? null : Instant.parse(signedAt))
            .build());
    return this;
  }

  public Expected decidedAt(String instant) {
    builder.setDecidedAt(Instant.parse(instant));
    return this;
  }

  public PostDecision build() {
    return builder.setReasons(reasons).setWarnings(warnings).build();
  }

  /**
   * As a JSON line (docs/ARCHITECTURE.md#the-json-form-of-events): the form tests compare, every
   * field included.
   */
  public String line() {
    return JSON.write(build());
  }

  /** The JSON lines of several expected decisions. */
  public static List<String> lines(Expected... expected) {
    return java.util.Arrays.stream(expected).map(Expected::line).toList();
  }
}
