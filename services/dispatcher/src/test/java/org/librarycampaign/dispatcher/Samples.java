package org.librarycampaign.dispatcher;

import java.time.Instant;
import java.util.List;
import library.campaign.events.ContactChannel;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.Recipient;
import library.campaign.events.Severity;

/** Notifications as the crisis service writes them. */
public final class Samples {

  public static final Instant CREATED_AT = Instant.parse("2026-12-01T15:00:00Z");

  private Samples() {}

  /**
   * An alert for responder {@code responderId} on a channel, id as crisis builds it
   * (services/crisis/README.md#rules).
   */
  public static Notification notification(
      String incidentId, String responderId, ContactChannel channel, String address) {
    return Notification.newBuilder()
        .setNotificationId(incidentId + "/0/" + responderId + "/" + channel)
        .setIncidentId(incidentId)
        .setBranchId("eastside")
        .setKind(NotificationKind.ALERT)
        .setTier(0)
        .setSeverity(Severity.HIGH)
        .setRecipient(
            Recipient.newBuilder()
                .setResponderId(responderId)
                .setName("Jordan Lee")
                .setRole("Branch manager")
                .build())
        .setChannel(channel)
        .setAddress(address)
        .setSubject("[HIGH] Book challenge at Eastside")
        .setBody("A challenge to 'Gender Queer' is trending.\n1. Check the facts\n2. Call comms")
        .setSummary("A challenge to 'Gender Queer' is trending")
        .setSteps(List.of("Check the facts", "Call comms"))
        .setAcknowledgeUrl("https://campaign.example/v1/incidents/" + incidentId + "/ack")
        .setAckUrl("https://campaign.example/ack/signed-" + incidentId)
        .setCreatedAt(CREATED_AT)
        .build();
  }

  public static Notification email(String incidentId, String responderId, String address) {
    return notification(incidentId, responderId, ContactChannel.EMAIL, address);
  }

  public static Notification webhook(String incidentId, String responderId, String url) {
    return notification(incidentId, responderId, ContactChannel.WEBHOOK, url);
  }
}
