package org.librarycampaign.crisis.response;

import java.util.Objects;

/** An alert that was sent for an incident: to whom, on which tier. */
public record Notified(String notificationId, int tier, Recipient recipient) {

  public Notified {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(recipient, "recipient");
  }
}
