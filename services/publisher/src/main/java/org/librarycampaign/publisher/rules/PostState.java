package org.librarycampaign.publisher.rules;

import java.time.Instant;
import java.util.List;

/**
 * The latest revision of a post as the publisher keeps it (store {@code publisher-posts}): what
 * would be published, and whether the branch withdrew it. Stored with platform's {@code
 * StateCodec}; a later revision replaces it whole.
 *
 * @param platform the {@code Platform} name
 * @param category the {@code PostCategory} name
 * @param withdrawnAt set once the branch withdrew this revision
 */
public record PostState(
    String postId,
    int revision,
    String branchId,
    String platform,
    String category,
    String campaignId,
    String text,
    List<String> hashtags,
    List<String> mentions,
    List<String> links,
    List<Visual> media,
    Instant scheduledAt,
    Instant withdrawnAt) {

  /** A visual to attach: an image (or other media) at a URL, with its alternative text. */
  public record Visual(String kind, String url, String altText) {}

  public PostState {
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    links = links == null ? List.of() : List.copyOf(links);
    media = media == null ? List.of() : List.copyOf(media);
  }

  /** {@code branchId/platform}, the id channel policies and publisher settings use. */
  public String channelId() {
    return branchId + "/" + platform;
  }

  /** What the publisher sends on the wire so that the remote drops a repeat. */
  public String idempotencyKey() {
    return idempotencyKey(postId, revision);
  }

  public static String idempotencyKey(String postId, int revision) {
    return postId + "/" + revision;
  }

  public boolean isCampaign() {
    return !"CONTENT".equals(category);
  }

  public boolean withdrawn() {
    return withdrawnAt != null;
  }

  /** The next revision at a new time: a reviewer's RESCHEDULE of this one. */
  public PostState rescheduled(Instant newTime) {
    return new PostState(
        postId,
        revision + 1,
        branchId,
        platform,
        category,
        campaignId,
        text,
        hashtags,
        mentions,
        links,
        media,
        newTime,
        null);
  }

  public PostState withdraw(Instant at) {
    return new PostState(
        postId,
        revision,
        branchId,
        platform,
        category,
        campaignId,
        text,
        hashtags,
        mentions,
        links,
        media,
        scheduledAt,
        at);
  }
}
