package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.Publication;

/**
 * Where publishing one post revision stands: its latest receipt from {@code campaign.publications}
 * (keyed by postId there; kept here by {@link #key postId and revision}, so that a new revision's
 * receipts leave the older revision's outcome standing). A receipt older than the one kept (by
 * {@code at}) changes nothing; a tombstone changes nothing (the topic is compacted to the latest
 * receipt per post, and the revisions kept here are the history).
 */
public record PublicationFact(
    String postId,
    int revision,
    String branchId,
    String channelId,
    String status,
    String publisher,
    String idempotencyKey,
    Instant scheduledAt,
    int attempt,
    String remoteId,
    String url,
    Instant nextAttemptAt,
    String reason,
    Instant at) {

  /** The store key: postId, then the revision zero-padded, so revisions sort in order. */
  public static String key(String postId, int revision) {
    return String.format("%s/%010d", postId, revision);
  }

  /** Whether the post is in the publisher's local outbox: published there, not to a remote. */
  public boolean inOutbox() {
    return "PUBLISHED".equals(status) && "OUTBOX".equals(publisher);
  }

  public static Fold<Publication, PublicationFact> fold() {
    return PublicationFact::apply;
  }

  static List<Change<PublicationFact>> apply(
      String recordKey, Publication value, Function<String, PublicationFact> current) {
    if (value == null) {
      return List.of();
    }
    String key = key(value.getPostId(), value.getRevision());
    PublicationFact known = current.apply(key);
    if (known != null && known.at().isAfter(value.getAt())) {
      return List.of();
    }
    PublicationFact fact =
        new PublicationFact(
            value.getPostId(),
            value.getRevision(),
            value.getBranchId(),
            value.getChannelId(),
            value.getStatus().name(),
            value.getPublisher().name(),
            value.getIdempotencyKey(),
            value.getScheduledAt(),
            value.getAttempt(),
            value.getRemoteId(),
            value.getUrl(),
            value.getNextAttemptAt(),
            value.getReason(),
            value.getAt());
    return known != null && known.equals(fact) ? List.of() : List.of(Change.put(key, fact));
  }
}
