package org.librarycampaign.conflicts;

import java.time.Instant;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.ReviewAction;
import org.apache.kafka.streams.KeyValue;

/** Input and expected output records for the topology tests. */
final class Events {

  static final String BUDGET = "budget-2027";

  private Events() {}

  static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  static PostEvent campaignPost(String postId, int revision, String branchId, Instant at) {
    return post(postId, revision, branchId, PostCategory.CAMPAIGN, BUDGET, at);
  }

  static PostEvent contentPost(String postId, int revision, String branchId, Instant at) {
    return post(postId, revision, branchId, PostCategory.CONTENT, null, at);
  }

  static PostEvent post(
      String postId,
      int revision,
      String branchId,
      PostCategory category,
      String campaignId,
      Instant scheduledAt) {
    return PostEvent.newBuilder()
        .setEvent(
            PostDrafted.newBuilder()
                .setPostId(postId)
                .setRevision(revision)
                .setBranchId(branchId)
                .setPlatform(Platform.FACEBOOK)
                .setCategory(category)
                .setCampaignId(campaignId)
                .setText("Story time and more at the library")
                .setScheduledAt(scheduledAt)
                .setDraftedAt(at("2026-11-27T10:00:00Z"))
                .build())
        .build();
  }

  static PostEvent withdrawn(String postId, String branchId) {
    return PostEvent.newBuilder()
        .setEvent(
            PostWithdrawn.newBuilder()
                .setPostId(postId)
                .setBranchId(branchId)
                .setPlatform(Platform.FACEBOOK)
                .setWithdrawnAt(at("2026-11-28T10:00:00Z"))
                .build())
        .build();
  }

  /**
   * A reviewer's review of one revision ({@code PostReviewed}); {@code scheduledAt} is the new time
   * of a RESCHEDULE, null for the other actions.
   */
  static PostEvent reviewed(
      String postId, int revision, String branchId, ReviewAction action, Instant scheduledAt) {
    return PostEvent.newBuilder()
        .setEvent(
            PostReviewed.newBuilder()
                .setPostId(postId)
                .setRevision(revision)
                .setBranchId(branchId)
                .setPlatform(Platform.FACEBOOK)
                .setAction(action)
                .setReason(action == ReviewAction.RESCHEDULE ? null : "Off message")
                .setReviewer("ana")
                .setReviewedAt(at("2026-11-28T10:30:00Z"))
                .setScheduledAt(scheduledAt)
                .build())
        .build();
  }

  /** A community event (AVOID by default) with the default 2 h buffer. */
  static MilestoneEvent.Builder communityEvent(
      String milestoneId, int revision, String scope, String title, Instant from, Instant to) {
    return MilestoneEvent.newBuilder()
        .setMilestoneId(milestoneId)
        .setRevision(revision)
        .setKind(MilestoneKind.COMMUNITY_EVENT)
        .setBranchId(scope)
        .setTitle(title)
        .setStartsAt(from)
        .setEndsAt(to);
  }

  /** The County Fair: Sat 5 Dec 2026, 10:00-18:00 UTC. */
  static MilestoneEvent.Builder countyFair(int revision, String scope) {
    return communityEvent(
        "fair",
        revision,
        scope,
        "County Fair",
        at("2026-12-05T10:00:00Z"),
        at("2026-12-05T18:00:00Z"));
  }

  /** A campaign milestone (AMPLIFY by default) of the budget campaign. */
  static MilestoneEvent.Builder budgetHearing(int revision, String scope, Instant startsAt) {
    return MilestoneEvent.newBuilder()
        .setMilestoneId("hearing")
        .setRevision(revision)
        .setKind(MilestoneKind.CAMPAIGN_MILESTONE)
        .setCampaignId(BUDGET)
        .setBranchId(scope)
        .setTitle("Budget Hearing")
        .setStartsAt(startsAt)
        .setEndsAt(startsAt.plusSeconds(7200));
  }

  static KeyValue<String, ConflictEvent> detected(
      String postId,
      String milestoneId,
      String branchId,
      Instant scheduledAt,
      String title,
      Instant avoidFrom,
      Instant avoidUntil,
      Instant suggestedAt,
      String message,
      Instant detectedAt) {
    return KeyValue.pair(
        postId,
        ConflictEvent.newBuilder()
            .setEvent(
                ConflictDetected.newBuilder()
                    .setPostId(postId)
                    .setMilestoneId(milestoneId)
                    .setBranchId(branchId)
                    .setScheduledAt(scheduledAt)
                    .setMilestoneTitle(title)
                    .setAvoidFrom(avoidFrom)
                    .setAvoidUntil(avoidUntil)
                    .setSuggestedAt(suggestedAt)
                    .setMessage(message)
                    .setDetectedAt(detectedAt)
                    .build())
            .build());
  }

  static KeyValue<String, ConflictEvent> cleared(
      String postId,
      String milestoneId,
      String branchId,
      ClearCause cause,
      String message,
      Instant clearedAt) {
    return KeyValue.pair(
        postId,
        ConflictEvent.newBuilder()
            .setEvent(
                ConflictCleared.newBuilder()
                    .setPostId(postId)
                    .setMilestoneId(milestoneId)
                    .setBranchId(branchId)
                    .setCause(cause)
                    .setMessage(message)
                    .setClearedAt(clearedAt)
                    .build())
            .build());
  }

  static KeyValue<String, ConflictEvent> gap(
      String milestoneId,
      String branchId,
      String campaignId,
      String title,
      Instant startsAt,
      boolean open,
      String message,
      Instant at) {
    return KeyValue.pair(
        "gap:" + milestoneId + "/" + branchId,
        ConflictEvent.newBuilder()
            .setEvent(
                AmplifyGap.newBuilder()
                    .setMilestoneId(milestoneId)
                    .setBranchId(branchId)
                    .setCampaignId(campaignId)
                    .setMilestoneTitle(title)
                    .setStartsAt(startsAt)
                    .setOpen(open)
                    .setMessage(message)
                    .setAt(at)
                    .build())
            .build());
  }
}
