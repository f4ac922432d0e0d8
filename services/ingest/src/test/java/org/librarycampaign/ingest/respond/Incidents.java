package org.librarycampaign.ingest.respond;

import java.time.Instant;
import java.util.List;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.Recipient;
import library.campaign.events.Severity;
import org.librarycampaign.platform.serde.EventClasses;

/** The records the crisis service writes, as the responder routes' tests need them. */
public final class Incidents {

  public static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  static {
    // the tests copy records (newBuilder(record)), which Avro allows only for trusted classes
    EventClasses.trust();
  }

  private Incidents() {}

  /** An alert of tier {@code tier} to a responder, written {@code minutes} after T0. */
  public static Notification alert(
      String incidentId,
      int tier,
      String responderId,
      String name,
      ContactChannel channel,
      String address,
      long minutes) {
    return Notification.newBuilder()
        .setNotificationId(incidentId + "/" + tier + "/" + responderId + "/" + channel)
        .setIncidentId(incidentId)
        .setBranchId("westside")
        .setKind(NotificationKind.ALERT)
        .setTier(tier)
        .setSeverity(Severity.HIGH)
        .setRecipient(new Recipient(responderId, name, tier == 0 ? "Branch manager" : "Deputy"))
        .setChannel(channel)
        .setAddress(address)
        .setSubject("[HIGH] westside: Book challenge - " + incidentId)
        .setBody("body")
        .setSummary("Petition <b>to</b> remove a picture book")
        .setSteps(List.of("Hold all campaign posts", "Call the branch manager"))
        .setAcknowledgeUrl(null)
        .setAckUrl(null)
        .setCreatedAt(T0.plusSeconds(minutes * 60))
        .build();
  }

  public static Notification sms(String incidentId, String responderId, String number) {
    return alert(incidentId, 0, responderId, "Dana Reyes", ContactChannel.SMS, number, 0);
  }

  /** Its status with these alerts notified. */
  public static IncidentStatus status(
      String incidentId, IncidentState state, Notification... alerts) {
    return IncidentStatus.newBuilder()
        .setIncidentId(incidentId)
        .setBranchId("westside")
        .setState(state)
        .setSeverity(Severity.HIGH)
        .setSummary("Petition to remove a picture book")
        .setTier(0)
        .setNotifiedCount(alerts.length)
        .setNotified(
            java.util.Arrays.stream(alerts)
                .map(
                    a ->
                        new NotifiedContact(
                            a.getNotificationId(),
                            a.getTier(),
                            a.getRecipient().getResponderId(),
                            a.getRecipient().getName(),
                            a.getChannel()))
                .toList())
        .setAcknowledgedBy(null)
        .setReportedAt(T0)
        .setUpdatedAt(T0)
        .build();
  }
}
