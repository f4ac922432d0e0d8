package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to send.
 *
 * @param tier the tier being alerted (for a repeat, the last tier; for a fallback alert, -1); for a
 *     resolution notice, the tier on which the recipient was first alerted
 * @param createdAt the wall-clock time of the event or deadline that caused it
 * @param repeat for a repeat, which one (from 1); otherwise 0
 */
public record Notice(
    String notificationId,
    NoticeKind kind,
    int tier,
    Recipient recipient,
    Instant createdAt,
    int repeat) {

  public Notice {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public Notice(
      String notificationId, NoticeKind kind, int tier, Recipient recipient, Instant createdAt) {
    this(notificationId, kind, tier, recipient, createdAt, 0);
  }
}
