package org.librarycampaign.dispatcher.retry;

import java.time.Instant;
import library.campaign.events.DeliveryStatus;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;
import org.librarycampaign.platform.retry.RetryPolicy;

/**
 * What follows an attempt: DELIVERED, RETRYING at a later time, or FAILED (with a dead letter).
 * Plain rules, no Kafka: the stream processor stores and forwards what they decide.
 */
public final class DeliveryRules {

  /** The receipt an attempt yields, and whether a dead-letter record goes with it. */
  public record Step(
      DeliveryStatus status,
      int attempt,
      Instant nextAttemptAt,
      String reason,
      boolean outbox,
      boolean deadLetter) {

    public boolean isFinal() {
      return status != DeliveryStatus.RETRYING;
    }
  }

  private final RetryPolicy policy;

  public DeliveryRules(RetryPolicy policy) {
    this.policy = policy;
  }

  /** The step after attempt {@code attempt} (1-based) of notification {@code id} ended at now. */
  public Step after(String id, int attempt, DeliveryOutcome outcome, Instant now) {
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      return new Step(
          DeliveryStatus.DELIVERED, attempt, null, delivered.detail(), delivered.outbox(), false);
    }
    DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
    if (failed.permanent()) {
      return new Step(
          DeliveryStatus.FAILED,
          attempt,
          null,
          "permanent failure: " + failed.reason(),
          false,
          true);
    }
    if (policy.allowsAnotherAfter(attempt)) {
      return new Step(
          DeliveryStatus.RETRYING,
          attempt,
          now.plus(policy.backoff(attempt, id)),
          failed.reason(),
          false,
          false);
    }
    return new Step(
        DeliveryStatus.FAILED,
        attempt,
        null,
        "gave up after " + attempt + " attempts: " + failed.reason(),
        false,
        true);
  }
}
