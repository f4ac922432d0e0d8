package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.Notification;

/**
 * A notification the crisis service sent, from {@code campaign.notifications} (keyed by
 * notificationId; a repeat carries the same id and replaces it). The body and steps are left out:
 * the dashboard shows who was told what, over which channel.
 */
public record NotificationFact(
    String notificationId,
    String incidentId,
    String branchId,
    String kind,
    int tier,
    String severity,
    String responderId,
    String name,
    String role,
    String channel,
    String address,
    String subject,
    Instant createdAt) {

  public static Fold<Notification, NotificationFact> fold() {
    return NotificationFact::apply;
  }

  static List<Change<NotificationFact>> apply(
      String recordKey, Notification value, Function<String, NotificationFact> current) {
    if (value == null) {
      return List.of();
    }
    return List.of(
        Change.put(
            value.getNotificationId(),
            new NotificationFact(
                value.getNotificationId(),
                value.getIncidentId(),
                value.getBranchId(),
                value.getKind().name(),
                value.getTier(),
                value.getSeverity().name(),
                value.getRecipient().getResponderId(),
                value.getRecipient().getName(),
                value.getRecipient().getRole(),
                value.getChannel().name(),
                value.getAddress(),
                value.getSubject(),
                value.getCreatedAt())));
  }
}
