package org.librarycampaign.publisher.channel;

/**
 * What one publishing attempt came to. A publisher never throws: every error becomes a {@link
 * Failed} that says whether trying again could help.
 */
public sealed interface PublishOutcome {

  /**
   * The remote took the post (or, with {@code outbox}, it was written to the local outbox).
   *
   * @param remoteId the remote's id of the post, if it said
   * @param url where people see it, if the remote said
   * @param detail a sentence for the receipt's reason, or null
   */
  record Published(String remoteId, String url, String detail) implements PublishOutcome {}

  /**
   * The attempt failed. {@code permanent}: the same request will fail again (a 4xx answer, wrong
   * credentials, a post the remote refuses), so no retry; otherwise (5xx, a timeout, a refused
   * connection, 429) a later attempt may succeed.
   */
  record Failed(boolean permanent, String reason) implements PublishOutcome {}

  static PublishOutcome published(String remoteId, String url) {
    return new Published(remoteId, url, null);
  }

  static PublishOutcome transientFailure(String reason) {
    return new Failed(false, reason);
  }

  static PublishOutcome permanentFailure(String reason) {
    return new Failed(true, reason);
  }
}
