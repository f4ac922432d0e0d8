package org.librarycampaign.conflicts.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A post as the calendar sees it: when and where it goes out, and whether it counts for a campaign.
 *
 * @param campaignId the campaign of a campaign post; {@code null} when it names none
 * @param live false once withdrawn (the post is kept to remember its last revision)
 */
public record Post(
    String postId,
    int revision,
    String branchId,
    String platform,
    boolean campaign,
    String campaignId,
    Instant scheduledAt,
    boolean live) {

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
    return new Post(postId, revision, branchId, platform, campaign, campaignId, scheduledAt, true);
  }

  /**
   * This revision, on the branch and platform the post was first drafted for
   * (services/conflicts/README.md#rules).
   */
  Post keepingPlaceOf(Post first) {
    return new Post(
        postId, revision, first.branchId, first.platform, campaign, campaignId, scheduledAt, live);
  }

  Post withdrawn() {
    return new Post(postId, revision, branchId, platform, campaign, campaignId, scheduledAt, false);
  }

  ScheduledPost schedule() {
    return new ScheduledPost(postId, branchId, scheduledAt);
  }
}
