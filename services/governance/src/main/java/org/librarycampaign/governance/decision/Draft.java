package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import library.campaign.events.MediaKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;

/**
 * A drafted (or revised) post, as the rules read it.
 *
 * @param draftedAt when the branch drafted this revision (the event's own time)
 * @param mediaKinds the kind of each attached medium, in order, when known (empty when only the
 *     count is)
 */
public record Draft(
    String postId,
    int revision,
    String branchId,
    Platform platform,
    PostCategory category,
    String campaignId,
    String text,
    List<String> hashtags,
    List<String> mentions,
    List<String> links,
    int mediaCount,
    Instant scheduledAt,
    Instant draftedAt,
    List<MediaKind> mediaKinds) {

  public Draft {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    Objects.requireNonNull(draftedAt, "draftedAt");
    hashtags = List.copyOf(hashtags);
    mentions = List.copyOf(mentions);
    links = List.copyOf(links);
    mediaKinds = List.copyOf(mediaKinds);
  }

  /** A draft whose media are counted but not known by kind. */
  public Draft(
      String postId,
      int revision,
      String branchId,
      Platform platform,
      PostCategory category,
      String campaignId,
      String text,
      List<String> hashtags,
      List<String> mentions,
      List<String> links,
      int mediaCount,
      Instant scheduledAt,
      Instant draftedAt) {
    this(
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
        mediaCount,
        scheduledAt,
        draftedAt,
        List.of());
  }

  public boolean isCampaign() {
    return category == PostCategory.CAMPAIGN;
  }

  /** Whether any attached medium is of one of these kinds. */
  public boolean hasMedia(MediaKind... kinds) {
    return mediaKinds.stream().anyMatch(List.of(kinds)::contains);
  }

  /** Length in Unicode code points, as the platforms count. */
  public int textLength() {
    return text.codePointCount(0, text.length());
  }
}
