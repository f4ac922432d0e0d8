package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.librarycampaign.platform.events.EventType;

/**
 * A post as its latest revision says, from {@code campaign.posts}, kept by postId. A withdrawn post
 * is kept (marked) so that an older revision arriving late cannot bring it back; a higher revision
 * drafted later does.
 */
public record PostFact(
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
    int mediaCount,
    Instant scheduledAt,
    String author,
    Instant draftedAt,
    boolean withdrawn,
    String withdrawnReason,
    Instant withdrawnAt) {

  public PostFact {
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** {@code branchId/platform}. */
  public String channel() {
    return branchId + "/" + platform;
  }

  public static Fold<PostEvent, PostFact> fold() {
    return PostFact::apply;
  }

  static List<Change<PostFact>> apply(
      String recordKey, PostEvent value, Function<String, PostFact> current) {
    if (value == null) {
      return List.of();
    }
    return switch (EventType.Post.of(value)) {
      case DRAFTED -> drafted((PostDrafted) value.getEvent(), current);
      case WITHDRAWN -> withdrawn((PostWithdrawn) value.getEvent(), current);
      // shown through the decisions' audit trail
      case REVIEWED -> List.of();
    };
  }

  private static List<Change<PostFact>> drafted(
      PostDrafted drafted, Function<String, PostFact> current) {
    PostFact known = current.apply(drafted.getPostId());
    if (known != null && known.revision() >= drafted.getRevision()) {
      return List.of();
    }
    return List.of(Change.put(drafted.getPostId(), of(drafted)));
  }

  private static List<Change<PostFact>> withdrawn(
      PostWithdrawn withdrawal, Function<String, PostFact> current) {
    PostFact known = current.apply(withdrawal.getPostId());
    if (known == null || known.withdrawn()) {
      return List.of();
    }
    return List.of(
        Change.put(
            withdrawal.getPostId(),
            known.withdrawnBy(withdrawal.getReason(), withdrawal.getWithdrawnAt())));
  }

  static PostFact of(PostDrafted drafted) {
    return new PostFact(
        drafted.getPostId(),
        drafted.getRevision(),
        drafted.getBranchId(),
        drafted.getPlatform().name(),
        drafted.getCategory().name(),
        drafted.getCampaignId(),
        drafted.getText(),
        drafted.getHashtags(),
        drafted.getMentions(),
        drafted.getLinks(),
        drafted.getMedia().size(),
        drafted.getScheduledAt(),
        drafted.getAuthor(),
        drafted.getDraftedAt(),
        false,
        null,
        null);
  }

  PostFact withdrawnBy(String reason, Instant at) {
    return new PostFact(
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
        author,
        draftedAt,
        true,
        reason,
        at);
  }
}
