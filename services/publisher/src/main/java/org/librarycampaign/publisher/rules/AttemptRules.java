package org.librarycampaign.publisher.rules;

import java.time.Instant;
import library.campaign.events.PublicationStatus;
import org.librarycampaign.platform.retry.RetryPolicy;
import org.librarycampaign.publisher.channel.PublishOutcome;

/**
 * What follows a publishing attempt: PUBLISHED, RETRYING at a later time, or FAILED. Plain rules,
 * no Kafka: the stream processor stores and forwards what they decide.
 */
public final class AttemptRules {

  /** The receipt an attempt yields. */
  public record Step(
      PublicationStatus status,
      int attempt,
      Instant nextAttemptAt,
      String reason,
      String remoteId,
      String url) {

    public boolean isFinal() {
      return status != PublicationStatus.RETRYING;
    }
  }

  private final RetryPolicy policy;

  public AttemptRules(RetryPolicy policy) {
    this.policy = policy;
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** The step after attempt {@code attempt} (1-based) of revision {@code key} ended at now. */
  public Step after(String key, int attempt, PublishOutcome outcome, Instant now) {
    if (outcome instanceof PublishOutcome.Published published) {
      return new Step(
          PublicationStatus.PUBLISHED,
          attempt,
          null,
          published.detail(),
          published.remoteId(),
          published.url());
    }
    PublishOutcome.Failed failed = (PublishOutcome.Failed) outcome;
    if (failed.permanent()) {
      return new Step(
          PublicationStatus.FAILED,
          attempt,
          null,
          "permanent failure: " + failed.reason(),
          null,
          null);
    }
    if (policy.allowsAnotherAfter(attempt)) {
      return new Step(
          PublicationStatus.RETRYING,
          attempt,
          now.plus(policy.backoff(attempt, key)),
          failed.reason(),
          null,
          null);
    }
    return new Step(
        PublicationStatus.FAILED,
        attempt,
        null,
        "gave up after " + attempt + " attempts: " + failed.reason(),
        null,
        null);
  }
}
