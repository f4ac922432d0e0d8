package org.librarycampaign.conflicts.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A post as the calendar sees it: when and where it goes out, and whether it counts for a campaign.
 *
 * @param campaignId the campaign of a campaign post; {@code null} when it names none
 * @param live false once withdrawn or rejected by a reviewer (the post is kept to remember its last
 *     revision)
 * @param rejected it left the calendar by a reviewer's REJECT, not a withdrawal: a RESCHEDULE of
 *     its revision brings it back, as governance decides a rejected post again
 */
public record Post(
    String postId,
    int revision,
    String branchId,
    String platform,
    boolean campaign,
    String campaignId,
    Instant scheduledAt,
    boolean live,
    boolean rejected) {

  public Post {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(scheduledAt, "scheduledAt");
  }

  /** A drafted (live) post. */
  public static Post drafted(
      String postId,
      int revision,
      String branchId,
      String platform,
      boolean campaign,
      String campaignId,
      Instant scheduledAt) {
    return new Post(
        postId, revision, branchId, platform, campaign, campaignId, scheduledAt, true, false);
  }

  /**
   * This revision, on the branch and platform the post was first drafted for
   * (services/conflicts/README.md#rules).
   */
  Post keepingPlaceOf(Post first) {
    return new Post(
        postId,
        revision,
        first.branchId,
        first.platform,
        campaign,
        campaignId,
        scheduledAt,
        live,
        rejected);
  }

  Post withdrawn() {
    return new Post(
        postId, revision, branchId, platform, campaign, campaignId, scheduledAt, false, false);
  }

  /** Rejected by a reviewer: it leaves the calendar as a withdrawn post does. */
  Post rejectedByReview() {
    return new Post(
        postId, revision, branchId, platform, campaign, campaignId, scheduledAt, false, true);
  }

  /** Moved by a reviewer: the next revision, live at the new time (governance's revision r+1). */
  Post rescheduled(Instant newTime) {
    return new Post(
        postId, revision + 1, branchId, platform, campaign, campaignId, newTime, true, false);
  }

  ScheduledPost schedule() {
    return new ScheduledPost(postId, branchId, scheduledAt);
  }
}
